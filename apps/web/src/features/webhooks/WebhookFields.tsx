import { Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { errorFor } from '../../api/client';
import { WEBHOOK_EVENTS } from '../../api/enums';

export interface WebhookDraft {
  url: string;
  description: string;
  eventTypes: string[];
}

export const WEBHOOK_FIELDS = ['url', 'description', 'eventTypes'];

/** The URL, description and events of a subscription, for the create and edit forms. */
export function WebhookFields({
  draft,
  onChange,
  errors,
}: {
  draft: WebhookDraft;
  onChange: (draft: WebhookDraft) => void;
  errors: Record<string, string>;
}) {
  return (
    <Stack gap="xs">
      <TextInput
        label="Endpoint URL"
        description="Rapport POSTs each event here, signed with the subscription's secret."
        placeholder="https://example.com/hooks/rapport"
        value={draft.url}
        onChange={(e) => onChange({ ...draft, url: e.currentTarget.value })}
        error={errors.url}
      />
      <TextInput
        label="Description"
        placeholder="What receives these events, e.g. Data warehouse"
        value={draft.description}
        onChange={(e) => onChange({ ...draft, description: e.currentTarget.value })}
        error={errors.description}
      />
      <Checkbox.Group
        label="Events"
        value={draft.eventTypes}
        onChange={(eventTypes) => onChange({ ...draft, eventTypes })}
        error={errorFor(errors, 'eventTypes')}
      >
        <Group gap="md" mt={4}>
          {WEBHOOK_EVENTS.map((event) => (
            <Checkbox key={event} value={event} label={event} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}

/** The body to send: an empty description is none. */
export function toBody(draft: WebhookDraft) {
  return {
    url: draft.url,
    eventTypes: draft.eventTypes as (typeof WEBHOOK_EVENTS)[number][],
    description: draft.description.trim() || null,
  };
}
