import { Badge, Group, Table, Text } from '@mantine/core';
import { formatDateTime, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { CustomerLink } from '../cases/CaseList';
import { PromiseActions } from './PromiseActions';
import { type CustomerPromise, overdue, PROMISE_COLOR } from './promises';

/** Promises with their due dates (overdue ones in red), state and, for writers, what to do next. */
export function PromiseTable(props: {
  label: string;
  rows: CustomerPromise[];
  writable: boolean;
  withCustomer?: boolean;
  busy?: boolean;
}) {
  const { rows, writable, withCustomer = true } = props;
  return (
    <Table.ScrollContainer minWidth={withCustomer ? 860 : 560}>
      <Table striped aria-label={props.label} aria-busy={props.busy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Promise</Table.Th>
            {withCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            {writable && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => {
            const late = overdue(p);
            return (
              <Table.Tr key={p.id} bg={late ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td maw={320}>
                  <AnchorLink to="/promises" search={{ promise: p.id, status: 'all' }} size="sm">
                    {p.what}
                  </AnchorLink>
                  {p.caseId && (
                    <Text size="xs">
                      <AnchorLink to="/cases/$caseId" params={{ caseId: p.caseId }} size="xs">
                        From a case
                      </AnchorLink>
                    </Text>
                  )}
                </Table.Td>
                {withCustomer && (
                  <Table.Td>
                    <CustomerLink c={p} />
                  </Table.Td>
                )}
                <Table.Td>{p.ownerName ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={late ? 'red.9' : undefined} fw={late ? 600 : undefined}>
                    {formatDateTime(p.dueAt)}
                  </Text>
                  {p.renegotiations > 0 && (
                    <Text size="xs" c="dimmed">
                      first {formatDateTime(p.originalDueAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light" color={PROMISE_COLOR[p.status]}>
                      {label(p.status)}
                    </Badge>
                    {late && (
                      <Badge variant="filled" color="red">
                        Overdue
                      </Badge>
                    )}
                    {!late && p.atRisk && (
                      <Badge variant="light" color="yellow">
                        At risk
                      </Badge>
                    )}
                    {p.keptLate && (
                      <Badge variant="light" color="yellow">
                        Kept late
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {writable && (
                  <Table.Td>
                    <PromiseActions p={p} />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
