import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { CASE_TYPES, SEVERITIES } from '../../api/enums';
import { canWrite, useMe } from '../../session/session';
import type { About } from '../../shared/about';
import { label } from '../../shared/format';
import { FormAlert } from '../admin/FormAlert';
import { PersonPicker } from '../reviews/ReviewDrawer';
import { type CaseCreate as Body, type CaseSource, useCreateCase } from './cases';

const SOURCE_WORDS: Record<CaseSource['type'], string> = {
  interaction: 'this interaction',
  review: 'this review',
  survey_response: 'this survey answer',
};

/**
 * Open a case: from nothing (pick the customer), from a person's or company's page, or from an
 * interaction, review or survey answer (the API copies the customer and the subject from it).
 * Opens the new case's page.
 */
export function CaseCreate(props: {
  opened: boolean;
  onClose: () => void;
  about?: About | undefined;
  source?: CaseSource | undefined;
  subject?: string | undefined;
}) {
  const { about, source } = props;
  const empty = {
    type: (source ? 'complaint' : 'issue') as Body['type'],
    severity: 'normal' as NonNullable<Body['severity']>,
    subject: props.subject ?? '',
    category: '',
    team: '',
    description: '',
    personId: null as string | null,
  };
  const [draft, setDraft] = useState(empty);
  const create = useCreateCase();
  const navigate = useNavigate();
  const errors = fieldErrors(create.error);
  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Body = {
      type: draft.type,
      severity: draft.severity,
      category: draft.category.trim() || null,
      team: draft.team.trim() || null,
      description: draft.description.trim() || null,
      ...(draft.subject.trim() ? { subject: draft.subject.trim() } : {}),
      ...(source ? { source } : {}),
      ...(about?.personId ? { personId: about.personId } : {}),
      ...(about?.companyId ? { companyId: about.companyId } : {}),
      ...(!about && !source && draft.personId ? { personId: draft.personId } : {}),
    };
    create.mutate(body, {
      onSuccess: (c) => {
        setDraft(empty);
        props.onClose();
        navigate({ to: '/cases/$caseId', params: { caseId: c.id } });
      },
    });
  };
  const fields = ['type', 'severity', 'subject', 'category', 'team', 'description', 'personId'];
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Open a case" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {source && (
            <Text size="sm" c="dimmed">
              From {SOURCE_WORDS[source.type]}: the customer and, unless you write one, the subject come from
              it.
            </Text>
          )}
          <FormAlert error={create.error} fields={[...fields, 'source']} />
          <Group grow align="start">
            <Select
              label="Type"
              data-autofocus
              allowDeselect={false}
              data={CASE_TYPES.map((t) => ({ value: t, label: label(t) }))}
              value={draft.type}
              onChange={(v) => v && set('type', v as Body['type'])}
              error={errors.type}
            />
            <Select
              label="Severity"
              allowDeselect={false}
              data={SEVERITIES.map((s) => ({ value: s, label: label(s) }))}
              value={draft.severity}
              onChange={(v) => v && set('severity', v as typeof draft.severity)}
              error={errors.severity}
            />
          </Group>
          <TextInput
            label="Subject"
            description={source ? 'Empty: taken from the source' : undefined}
            value={draft.subject}
            onChange={(e) => set('subject', e.currentTarget.value)}
            error={errors.subject}
          />
          <Group grow align="start">
            <TextInput
              label="Category"
              placeholder="e.g. delivery"
              value={draft.category}
              onChange={(e) => set('category', e.currentTarget.value)}
              error={errors.category}
            />
            <TextInput
              label="Team"
              placeholder="e.g. support"
              value={draft.team}
              onChange={(e) => set('team', e.currentTarget.value)}
              error={errors.team}
            />
          </Group>
          {!about && !source && (
            <PersonPicker
              label="Customer"
              value={draft.personId}
              onChange={(id) => set('personId', id)}
              error={errors.personId}
            />
          )}
          <Textarea
            label="Description (internal)"
            autosize
            minRows={3}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
          />
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Open case
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Open a case" where a complaint shows (timeline, reviews, survey answers), for those who may write. */
export function OpenCaseButton(props: { source?: CaseSource; subject?: string; about?: About }) {
  const [opened, open] = useDisclosure();
  if (!canWrite(useMe().data)) return null;
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={open.open}>
        Open a case
      </Button>
      {opened && (
        <CaseCreate
          opened={opened}
          onClose={open.close}
          source={props.source}
          subject={props.subject}
          about={props.about}
        />
      )}
    </>
  );
}
