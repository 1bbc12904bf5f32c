import { Card, Group, Text, Title } from '@mantine/core';
import { PanelStatus } from '../admin/PanelStatus';
import type { Case } from '../cases/cases';
import { MakePromiseButton } from './PromiseCreate';
import { PromiseTable } from './PromiseTable';
import { usePromisesOf } from './promises';

/** The promises made in a case (they show on its status page), and a new one. */
export function CasePromises({ c, writable }: { c: Case; writable: boolean }) {
  const list = usePromisesOf({ caseId: c.id });
  const rows = list.data ?? [];
  return (
    <Card withBorder component="section" aria-label="Promises">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Promises
        </Title>
        <MakePromiseButton context={{ caseId: c.id }} size="xs" />
      </Group>
      <PanelStatus error={list.error} pending={list.isPending} />
      {rows.length > 0 && (
        <PromiseTable label="Promises of this case" rows={rows} writable={writable} withCustomer={false} />
      )}
      {!list.isPending && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No promise made in this case yet.
        </Text>
      )}
    </Card>
  );
}
