import { BarChart } from '@mantine/charts';
import {
  Badge,
  Box,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { PanelStatus } from '../admin/PanelStatus';
import { useSavedViews } from '../views/views';
import { ThemeTexts } from './ThemeTexts';
import { sentimentColor, sentimentText, type Theme, trendOf, useThemes } from './themes';

const PERIODS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'A year' },
];
const TREND = {
  rising: ['red', '▲ rising'],
  falling: ['teal', '▼ falling'],
  steady: ['gray', 'steady'],
} as const;

/** What customers talk about, found in what they wrote: rising themes first to the eye, with sentiment. */
export function ThemesPage() {
  const [days, setDays] = useState('30');
  const [viewId, setViewId] = useState<string | null>(null);
  const [open, setOpen] = useState<Theme | null>(null);
  const views = useSavedViews('people');
  const themes = useThemes(Number(days), viewId);
  const data = themes.data;
  return (
    <Stack>
      <Title order={1} size="h2">
        Themes
      </Title>
      <Text c="dimmed">
        What customers talk about in what they wrote to you, compared with the period before. A theme rises
        when its share of the texts grew beyond chance (exact 95% interval).
      </Text>
      <Group align="end">
        <SegmentedControl aria-label="Period" data={PERIODS} value={days} onChange={setDays} />
        <Select
          label="Segment"
          placeholder="Everyone"
          clearable
          data={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          value={viewId}
          onChange={setViewId}
          w={240}
        />
      </Group>
      <PanelStatus
        error={themes.error}
        pending={themes.isPending}
        empty={
          data && data.themes.length === 0 && 'No theme yet: too few texts from customers in this period.'
        }
      />
      {data && data.themes.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {data.current.texts} texts in this period, {data.previous.texts} in the one before
            {data.segment ? `, from the ${data.segment.people} people of “${data.segment.name}”` : ''}
            {data.sampled ? ' (the newest 5,000 of a period are read)' : ''}.
          </Text>
          <Box component="figure" m={0} aria-label="Mentions per theme, this period and before">
            <BarChart
              h={260}
              data={data.themes
                .slice(0, 12)
                .map((t) => ({ theme: t.name, 'This period': t.current, Before: t.previous }))}
              dataKey="theme"
              series={[
                { name: 'This period', color: 'blue.6' },
                { name: 'Before', color: 'gray.5' },
              ]}
              tickLine="y"
            />
          </Box>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Theme</Table.Th>
                <Table.Th>Said as</Table.Th>
                <Table.Th ta="right">Texts now</Table.Th>
                <Table.Th ta="right">Before</Table.Th>
                <Table.Th>Trend</Table.Th>
                <Table.Th>Sentiment</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.themes.map((theme) => {
                const [color, text] = TREND[trendOf(theme)];
                return (
                  <Table.Tr key={theme.name}>
                    <Table.Td>
                      <UnstyledButton onClick={() => setOpen(theme)} aria-label={`Texts about ${theme.name}`}>
                        <Text fw={500} c="blue">
                          {theme.name}
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{theme.phrases.map((p) => p.text).join(', ') || '–'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">{theme.current}</Table.Td>
                    <Table.Td ta="right">{theme.previous}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={color}>
                        {text}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        c={theme.sentiment ? `${sentimentColor(theme.sentiment.mean)}.9` : 'dimmed'}
                      >
                        {sentimentText(theme)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
      <ThemeTexts theme={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
