import { Badge, Drawer, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { sentimentColor, type Theme } from './themes';

const KIND_LABEL = { interaction: 'Message', review: 'Review or mention', survey: 'Survey comment' } as const;

/** The texts of this period behind a theme, newest first, each with its person. */
export function ThemeTexts({ theme, onClose }: { theme: Theme | null; onClose: () => void }) {
  return (
    <Drawer
      opened={theme !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={theme ? `“${theme.name}”` : ''}
    >
      {theme && (
        <Stack gap="sm">
          <Text c="dimmed" size="sm">
            {theme.current} texts this period
            {theme.texts.length < theme.current ? `, the newest ${theme.texts.length} below` : ''}. Phrases:{' '}
            {theme.phrases.map((p) => `${p.text} (${p.count})`).join(', ') || '–'}
          </Text>
          {theme.texts.map((text) => (
            <Stack key={text.id} gap={2} component="article" aria-label={`Text of ${formatDate(text.at)}`}>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {formatDate(text.at)}
                </Text>
                <Badge size="sm" variant="light" color={sentimentColor(text.score)}>
                  {text.score >= 0 ? '+' : '−'}
                  {Math.abs(text.score).toFixed(2)}
                </Badge>
                <Badge size="sm" variant="outline" color="gray">
                  {KIND_LABEL[text.kind]}
                </Badge>
                {text.kind === 'review' && (
                  <AnchorLink size="sm" to="/reviews" search={{ review: text.id }}>
                    Open the review
                  </AnchorLink>
                )}
                {text.personId && (
                  <AnchorLink size="sm" to="/people/$personId" params={{ personId: text.personId }}>
                    Open the person
                  </AnchorLink>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {text.excerpt}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
