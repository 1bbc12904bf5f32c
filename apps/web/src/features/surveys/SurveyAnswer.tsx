import { Badge, Group, Text } from '@mantine/core';
import { AnchorLink } from '../../shared/links';
import { KIND_LABEL, type SurveyResponse, scoreColor } from './surveys';

const show = (value: SurveyResponse['answers'][string]) =>
  Array.isArray(value) ? value.join(', ') : String(value);

/** A survey answer on a timeline or in a survey's answers: the score, the comment, the other answers. */
export function SurveyAnswer({
  response: r,
  withPerson = false,
}: {
  response: SurveyResponse;
  withPerson?: boolean;
}) {
  const others = Object.entries(r.answers).filter(
    ([id]) => r.surveyKind === 'custom' || !['score', 'comment'].includes(id),
  );
  return (
    <>
      <Group gap="xs" mt={4}>
        {r.score !== null && (
          <Badge color={scoreColor(r.surveyKind, r.score)} variant="filled" aria-label={`Score ${r.score}`}>
            {r.score}
          </Badge>
        )}
        <Text size="sm" fw={600}>
          {withPerson ? (
            <AnchorLink to="/people/$personId" params={{ personId: r.personId }}>
              {r.personName}
            </AnchorLink>
          ) : (
            <AnchorLink to="/surveys/$surveyId" params={{ surveyId: r.surveyId }}>
              {r.surveyName}
            </AnchorLink>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {KIND_LABEL[r.surveyKind]}
          {withPerson && r.companyName && ` · ${r.companyName}`}
        </Text>
      </Group>
      {r.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          “{r.comment}”
        </Text>
      )}
      {others.length > 0 && (
        <Text size="sm" c="dimmed">
          {others.map(([id, value]) => `${id}: ${show(value)}`).join(' · ')}
        </Text>
      )}
    </>
  );
}
