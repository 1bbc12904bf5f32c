import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { MoreButton } from '../../shared/MoreButton';
import { PanelStatus } from '../admin/PanelStatus';
import { SurveyLinks } from './SurveyLinks';
import { type Invitation, type Survey, useInvitations, useIssueLinks } from './surveys';

const STATUS_COLOR = { pending: 'blue', answered: 'green', expired: 'gray' } as const;

/** A survey's invitations, newest first; unanswered ones can get a new link (the old one stops working). */
export function SurveyInvitations({ survey, canInvite }: { survey: Survey; canInvite: boolean }) {
  const [status, setStatus] = useState<Invitation['status'] | 'all'>('all');
  const list = useInvitations(survey.id, status === 'all' ? null : status);
  const issue = useIssueLinks();
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const renew = (invitationIds?: string[]) =>
    issue.mutate({ id: survey.id, body: invitationIds ? { invitationIds } : {} });
  const active = survey.status === 'active';
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Invitations to show"
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'pending', label: 'Pending' },
            { value: 'answered', label: 'Answered' },
            { value: 'expired', label: 'Expired' },
          ]}
        />
        {canInvite && active && (
          <Button size="xs" variant="light" onClick={() => renew()} loading={issue.isPending}>
            New links for all pending
          </Button>
        )}
      </Group>
      {issue.error && (
        <Text c="red" size="sm" role="alert">
          {issue.error.message}
        </Text>
      )}
      {issue.data && <SurveyLinks links={issue.data.data} name={survey.name} />}
      <PanelStatus
        error={list.error}
        pending={list.isPending}
        empty={!list.isPending && rows.length === 0 && 'No invitations.'}
      />
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Answered</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <AnchorLink to="/people/$personId" params={{ personId: i.personId }}>
                      {i.personName}
                    </AnchorLink>
                    {i.email && (
                      <Text size="xs" c="dimmed">
                        {i.email}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[i.status]} variant="light">
                      {i.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(i.sentAt)}</Table.Td>
                  <Table.Td>{formatDate(i.expiresAt)}</Table.Td>
                  <Table.Td>{i.answeredAt ? formatDate(i.answeredAt) : '–'}</Table.Td>
                  <Table.Td>
                    {canInvite && active && i.status !== 'answered' && (
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`New link for ${i.personName}`}
                        onClick={() => renew([i.id])}
                      >
                        New link
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton list={list} />
    </Stack>
  );
}
