import { Alert, Badge, Button, Group, Loader, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useMe } from '../../session/session';
import { AnchorLink } from '../../shared/links';
import { ConfirmButton } from '../admin/ConfirmButton';
import { SurveyForm } from './SurveyForm';
import { SurveyInvitations } from './SurveyInvitations';
import { SurveyInvite } from './SurveyInvite';
import { SurveyResponses } from './SurveyResponses';
import { SurveyResults } from './SurveyResults';
import {
  KIND_LABEL,
  STATUS_COLOR,
  type Survey,
  useDeleteSurvey,
  useSurvey,
  useUpdateSurvey,
} from './surveys';

/** Activate, close, reopen, edit or delete (a draft): what a manager may do with a survey now. */
function Actions({ survey }: { survey: Survey }) {
  const update = useUpdateSurvey();
  const remove = useDeleteSurvey();
  const navigate = useNavigate();
  const [editing, { open, close }] = useDisclosure();
  const setStatus = (status: Survey['status']) => update.mutate({ id: survey.id, body: { status } });
  return (
    <Stack gap={4} align="end">
      <Group gap="xs">
        {survey.status === 'draft' && (
          <Button size="xs" onClick={() => setStatus('active')} loading={update.isPending}>
            Activate
          </Button>
        )}
        {survey.status === 'active' && (
          <Button size="xs" variant="default" onClick={() => setStatus('closed')} loading={update.isPending}>
            Close
          </Button>
        )}
        {survey.status === 'closed' && (
          <Button size="xs" variant="default" onClick={() => setStatus('active')} loading={update.isPending}>
            Reopen
          </Button>
        )}
        <Button size="xs" variant="subtle" onClick={open}>
          Edit
        </Button>
        {survey.status === 'draft' && (
          <ConfirmButton
            label="Delete"
            title={`Delete the survey ${survey.name}`}
            question="The draft and its questions are deleted."
            loading={remove.isPending}
            onConfirm={() => remove.mutate(survey.id, { onSuccess: () => navigate({ to: '/surveys' }) })}
          />
        )}
      </Group>
      {(update.error ?? remove.error) && (
        <Text c="red" size="sm" role="alert">
          {(update.error ?? remove.error)?.message}
        </Text>
      )}
      <Modal opened={editing} onClose={close} title="Edit survey" size="lg">
        <SurveyForm survey={survey} onDone={close} />
      </Modal>
    </Stack>
  );
}

/** One survey: its results, inviting people, its invitations and its answers. */
export function SurveyShow() {
  const { surveyId } = useParams({ from: '/surveys/$surveyId' });
  const survey = useSurvey(surveyId);
  const me = useMe().data;
  const canManage = me?.role === 'admin' || me?.role === 'manager';
  const canInvite = canManage || me?.role === 'agent';
  if (survey.isPending) return <Loader aria-label="Loading" />;
  if (!survey.data) {
    return (
      <Alert color="red" role="alert">
        {survey.error?.message}
      </Alert>
    );
  }
  const s = survey.data;
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <AnchorLink to="/surveys" size="sm">
            ← Surveys
          </AnchorLink>
          <Title order={1} size="h2">
            {s.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{KIND_LABEL[s.kind]}</Badge>
            <Badge color={STATUS_COLOR[s.status]} variant="light">
              {s.status}
            </Badge>
            <Text size="sm" c="dimmed">
              {s.invited} invited · {s.responses} answers · at most one survey per person every{' '}
              {s.minDaysBetween} days
            </Text>
          </Group>
        </Stack>
        {canManage && <Actions survey={s} />}
      </Group>
      <Tabs defaultValue="results" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="results">Results</Tabs.Tab>
          {canInvite && <Tabs.Tab value="invite">Invite</Tabs.Tab>}
          <Tabs.Tab value="invitations">Invitations</Tabs.Tab>
          <Tabs.Tab value="responses">Answers</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="results" pt="md">
          <SurveyResults survey={s} />
        </Tabs.Panel>
        {canInvite && (
          <Tabs.Panel value="invite" pt="md">
            <SurveyInvite survey={s} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="invitations" pt="md">
          <SurveyInvitations survey={s} canInvite={canInvite} />
        </Tabs.Panel>
        <Tabs.Panel value="responses" pt="md">
          <SurveyResponses survey={s} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
