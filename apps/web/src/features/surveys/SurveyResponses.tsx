import { Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { MoreButton } from '../../shared/MoreButton';
import { PanelStatus } from '../admin/PanelStatus';
import { OpenCaseButton } from '../cases/CaseCreate';
import { SurveyAnswer } from './SurveyAnswer';
import { type Survey, useResponses } from './surveys';

/** A survey's answers, newest first, with their comments. */
export function SurveyResponses({ survey }: { survey: Survey }) {
  const [withComment, setWithComment] = useState(false);
  const list = useResponses(survey.id, withComment);
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack>
      <Checkbox
        label="Only answers with a comment"
        checked={withComment}
        onChange={(e) => setWithComment(e.currentTarget.checked)}
      />
      <PanelStatus
        error={list.error}
        pending={list.isPending}
        empty={!list.isPending && rows.length === 0 && 'No answers yet.'}
      />
      <Stack
        gap="xs"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="Answers"
      >
        {rows.map((r) => (
          <Paper key={r.id} component="li" withBorder p="sm" radius="sm">
            <Group justify="space-between" align="start" wrap="nowrap">
              <div>
                <SurveyAnswer response={r} withPerson />
              </div>
              <Text size="xs" c="dimmed" component="time" dateTime={r.submittedAt}>
                {formatDateTime(r.submittedAt)}
              </Text>
            </Group>
            {r.ownerName && (
              <Text size="xs" c="dimmed">
                Owner: {r.ownerName}
              </Text>
            )}
            <OpenCaseButton source={{ type: 'survey_response', id: r.id }} />
          </Paper>
        ))}
      </Stack>
      <MoreButton list={list} />
    </Stack>
  );
}
