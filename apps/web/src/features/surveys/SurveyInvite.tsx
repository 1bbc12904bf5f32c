import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors } from '../../api/client';
import { CHANNELS } from '../../api/enums';
import { label, plural } from '../../shared/format';
import { FormAlert } from '../admin/FormAlert';
import { useSavedViews } from '../views/views';
import { PeoplePicker, type Picked } from './PeoplePicker';
import { SurveyLinks } from './SurveyLinks';
import { type Survey, useInvite } from './surveys';

const SENDABLE = CHANNELS.filter((c) => !['meeting', 'web'].includes(c));

/** Invite people or a saved view of people: a personal link each, and who was skipped and why. */
export function SurveyInvite({ survey }: { survey: Survey }) {
  const [by, setBy] = useState<'people' | 'view'>('people');
  const [people, setPeople] = useState<Picked[]>([]);
  const [viewId, setViewId] = useState<string | null>(null);
  const [channel, setChannel] = useState<string>('email');
  const [days, setDays] = useState<number | string>(30);
  const [send, setSend] = useState(false);
  const views = useSavedViews('people');
  const invite = useInvite();
  const errors = fieldErrors(invite.error);
  const outcome = invite.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const who = by === 'people' ? { personIds: people.map((p) => p.value) } : { viewId: viewId ?? '' };
    invite.mutate(
      {
        id: survey.id,
        body: {
          ...who,
          channel: channel as (typeof CHANNELS)[number],
          send: send && channel === 'email',
          expiresInDays: Number(days),
        },
      },
      { onSuccess: () => setPeople([]) },
    );
  };

  return (
    <Stack>
      <Alert color="blue" title="Personal links">
        Rapport makes a personal link for each person, valid until it expires and answerable once. It emails
        them through the workspace’s SMTP server (Admin &gt; Email) when you ask; otherwise copy the links, or
        download them as CSV for a mail merge.
      </Alert>
      {survey.status !== 'active' && (
        <Alert color="yellow" role="alert">
          {survey.status === 'draft'
            ? 'This survey is a draft: activate it to invite people.'
            : 'This survey is closed: reopen it to invite people.'}
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label="Invite">
        <Stack gap="sm">
          <FormAlert
            error={invite.error}
            fields={['personIds', 'viewId', 'channel', 'expiresInDays', 'send']}
          />
          <SegmentedControl
            value={by}
            onChange={(value) => setBy(value as 'people' | 'view')}
            data={[
              { value: 'people', label: 'Pick people' },
              { value: 'view', label: 'A saved view' },
            ]}
            w={{ base: '100%', sm: 320 }}
          />
          {by === 'people' ? (
            <PeoplePicker value={people} onChange={setPeople} error={errorFor(errors, 'personIds')} />
          ) : (
            <Select
              label="Saved view of people"
              description="Everyone the view matches now (up to 5,000)."
              placeholder="Choose a view"
              data={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
              value={viewId}
              onChange={setViewId}
              error={errors.viewId}
              nothingFoundMessage="No saved views of people"
            />
          )}
          <Group grow align="start">
            <Select
              label="How you will send the links"
              data={SENDABLE.map((c) => ({ value: c, label: label(c) }))}
              value={channel}
              allowDeselect={false}
              onChange={(value) => value && setChannel(value)}
              error={errors.channel}
            />
            <NumberInput
              label="Links expire after (days)"
              min={1}
              max={365}
              value={days}
              onChange={setDays}
              error={errors.expiresInDays}
            />
          </Group>
          {channel === 'email' && (
            <Checkbox
              label="Email the links from Rapport"
              description="Each person gets their link by email from the workspace’s address."
              checked={send}
              onChange={(event) => setSend(event.currentTarget.checked)}
              error={errors.send}
            />
          )}
          <Group justify="end">
            <Button type="submit" loading={invite.isPending} disabled={survey.status !== 'active'}>
              {send && channel === 'email' ? 'Create and email links' : 'Create links'}
            </Button>
          </Group>
        </Stack>
      </form>
      {outcome && (
        <Stack gap="xs" aria-live="polite">
          <Title order={2} size="h4">
            {plural(outcome.created.length, 'link')} created
            {outcome.created.some((c) => c.emailId) &&
              ` (${outcome.created.filter((c) => c.emailId).length} emailed)`}
            {outcome.skipped.length > 0 &&
              `, ${outcome.skipped.length} ${outcome.skipped.length === 1 ? 'person' : 'people'} skipped`}
          </Title>
          <SurveyLinks links={outcome.created} name={survey.name} />
          {outcome.skipped.length > 0 && (
            <>
              <Text fw={600} size="sm">
                Skipped
              </Text>
              <List size="sm" aria-label="Skipped">
                {outcome.skipped.map((s) => (
                  <List.Item key={s.personId}>
                    {s.name}: {s.message}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
