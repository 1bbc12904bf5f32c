import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMe } from '../../session/session';
import { formatDate } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { PanelStatus } from '../admin/PanelStatus';
import { SurveyForm } from './SurveyForm';
import { KIND_LABEL, STATUS_COLOR, useSurveys } from './surveys';

/** The surveys of the workspace; managers and admins create them. */
export function SurveyList() {
  const surveys = useSurveys();
  const me = useMe().data;
  const canManage = me?.role === 'admin' || me?.role === 'manager';
  const [opened, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  const rows = surveys.data?.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Surveys
        </Title>
        {canManage && <Button onClick={open}>New survey</Button>}
      </Group>
      <Text c="dimmed" size="sm">
        NPS, CSAT, CES or your own questions. Invite people or a saved view of people: each gets a personal
        link to a page that needs no sign-in and works on a phone; answers land on their timeline.
      </Text>
      <PanelStatus
        error={surveys.error}
        pending={surveys.isPending}
        empty={rows.length === 0 && !surveys.isPending && 'No surveys yet.'}
      />
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Surveys">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Invited</Table.Th>
                <Table.Th ta="right">Answers</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <AnchorLink to="/surveys/$surveyId" params={{ surveyId: s.id }}>
                      {s.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{KIND_LABEL[s.kind]}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[s.status]} variant="light">
                      {s.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{s.invited}</Table.Td>
                  <Table.Td ta="right">{s.responses}</Table.Td>
                  <Table.Td>{formatDate(s.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opened} onClose={close} title="New survey" size="lg">
        <SurveyForm
          onDone={(survey) => {
            close();
            if (survey) void navigate({ to: '/surveys/$surveyId', params: { surveyId: survey.id } });
          }}
        />
      </Modal>
    </Stack>
  );
}
