import { Badge } from '@mantine/core';
import { useApprovals } from './cases';

/** The number of compensation requests waiting for a decision, beside "Approvals" in the menu. */
export function ApprovalsBadge() {
  const waiting = useApprovals('pending').data?.data.length ?? 0;
  if (waiting === 0) return null;
  return (
    <Badge size="sm" color="red" circle aria-label={`${waiting} waiting`}>
      {waiting}
    </Badge>
  );
}
