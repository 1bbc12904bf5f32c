import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { SEVERITIES } from '../../api/enums';
import { label } from '../../shared/format';
import { FormAlert } from '../admin/FormAlert';
import { useUsers } from '../users/users';
import { type Case, type CaseUpdate, useRootCauses, useUpdateCase } from './cases';

/**
 * What a case is filed under, and how it was resolved: owner, team, severity, category, root cause
 * from the workspace's taxonomy, resolution. Writers change them and save once.
 */
export function CaseDetails({ c, writable }: { c: Case; writable: boolean }) {
  const initial = {
    ownerId: c.ownerId,
    team: c.team ?? '',
    severity: c.severity,
    category: c.category ?? '',
    rootCauseId: c.rootCauseId,
    resolution: c.resolution ?? '',
  };
  const [draft, setDraft] = useState(initial);
  const [seen, setSeen] = useState(c.updatedAt);
  if (seen !== c.updatedAt) {
    setSeen(c.updatedAt);
    setDraft(initial);
  }
  const save = useUpdateCase(c.id);
  const users = useUsers();
  const causes = useRootCauses();
  const errors = fieldErrors(save.error);
  const set = <K extends keyof typeof initial>(key: K, value: (typeof initial)[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CaseUpdate = {
      ownerId: draft.ownerId,
      team: draft.team.trim() || null,
      severity: draft.severity,
      category: draft.category.trim() || null,
      rootCauseId: draft.rootCauseId,
      resolution: draft.resolution.trim() || null,
    };
    save.mutate(body);
  };
  return (
    <Card withBorder component="section" aria-label="Details">
      <Title order={2} size="h5" mb="xs">
        Details
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <FormAlert error={save.error} fields={Object.keys(initial)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Select
              label="Owner"
              placeholder="Nobody"
              clearable
              searchable
              readOnly={!writable}
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={draft.ownerId}
              onChange={(v) => set('ownerId', v)}
              error={errors.ownerId}
            />
            <TextInput
              label="Team"
              readOnly={!writable}
              value={draft.team}
              onChange={(e) => set('team', e.currentTarget.value)}
              error={errors.team}
            />
            <Select
              label="Severity"
              allowDeselect={false}
              readOnly={!writable}
              data={SEVERITIES.map((s) => ({ value: s, label: label(s) }))}
              value={draft.severity}
              onChange={(v) => v && set('severity', v as Case['severity'])}
              error={errors.severity}
            />
            <TextInput
              label="Category"
              readOnly={!writable}
              value={draft.category}
              onChange={(e) => set('category', e.currentTarget.value)}
              error={errors.category}
            />
          </SimpleGrid>
          <Select
            label="Root cause"
            placeholder="Not known yet"
            clearable
            readOnly={!writable}
            data={(causes.data ?? [])
              .filter((r) => !r.archived || r.id === c.rootCauseId)
              .map((r) => ({ value: r.id, label: r.name }))}
            value={draft.rootCauseId}
            onChange={(v) => set('rootCauseId', v)}
            error={errors.rootCauseId}
          />
          <Textarea
            label="Resolution"
            autosize
            minRows={2}
            readOnly={!writable}
            value={draft.resolution}
            onChange={(e) => set('resolution', e.currentTarget.value)}
            error={errors.resolution}
          />
          {writable && (
            <Group justify="end">
              {changed && (
                <Text size="xs" c="dimmed">
                  Unsaved changes
                </Text>
              )}
              <Button type="submit" size="sm" disabled={!changed} loading={save.isPending}>
                Save details
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
