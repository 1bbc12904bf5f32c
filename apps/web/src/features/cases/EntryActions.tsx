import { Group } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { MakePromiseButton } from '../promises/PromiseCreate';
import { OpenCaseButton } from './CaseCreate';

/**
 * On a timeline entry a complaint can come from: "Open a case" (an interaction, a review, a
 * survey answer) and, on a conversation, "Make a promise". Nothing for those who only read.
 */
export function EntryActions({ entry }: { entry: Schemas['TimelineEntry'] }) {
  if (entry.kind === 'interaction')
    return (
      <Group gap={4} mt={4}>
        <OpenCaseButton
          source={{ type: 'interaction', id: entry.interaction.id }}
          subject={entry.interaction.subject ?? undefined}
        />
        <MakePromiseButton context={{ interactionId: entry.interaction.id }} />
      </Group>
    );
  if (entry.kind === 'review')
    return (
      <Group gap={4} mt={4}>
        <OpenCaseButton source={{ type: 'review', id: entry.review.id }} />
      </Group>
    );
  if (entry.kind === 'survey')
    return (
      <Group gap={4} mt={4}>
        <OpenCaseButton source={{ type: 'survey_response', id: entry.response.id }} />
      </Group>
    );
  return null;
}
