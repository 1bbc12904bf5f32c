import { Button, CopyButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { saveFile } from '../../shared/download';
import { formatDate } from '../../shared/format';
import { type InvitationLink, linksCsv } from './surveys';

/** Personal links, shown once: copy one, or download them all as CSV for a mail merge. */
export function SurveyLinks({ links, name }: { links: InvitationLink[]; name: string }) {
  if (links.length === 0) return null;
  const csv = () => saveFile(`${name}-links.csv`, new Blob([linksCsv(links)], { type: 'text/csv' }));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm">
          Copy them now: Rapport keeps only a fingerprint of each link and cannot show it again (a new link
          can be made in Invitations; it replaces the old one).
        </Text>
        <Button size="xs" onClick={csv}>
          Download links (CSV)
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Links">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Link</Table.Th>
              <Table.Th>Expires</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {links.map((l) => (
              <Table.Tr key={l.invitationId}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td>{l.email ?? l.phone ?? '–'}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <TextInput
                      aria-label={`Link for ${l.name}`}
                      readOnly
                      value={l.link}
                      onFocus={(e) => e.currentTarget.select()}
                      size="xs"
                      flex={1}
                      miw={220}
                    />
                    <CopyButton value={l.link}>
                      {({ copied, copy }) => (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={copy}
                          aria-label={`Copy the link for ${l.name}`}
                        >
                          {copied ? 'Copied' : 'Copy'}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
                <Table.Td>{formatDate(l.expiresAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
