import { BarChart } from '@mantine/charts';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type ResultGroup, SCORE_NAME, type Survey, type SurveyKind } from './surveys';

/** A chart with its title; the numbers are in the table below (the chart is a picture of them). */
function Figure({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} component="figure" m={0} aria-label={title}>
      <Text size="sm" fw={600} component="figcaption">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** The score, the NPS mix and the response rate per group, as bar charts. */
export function ResultCharts({
  kind,
  groups,
  byPeriod,
}: {
  kind: SurveyKind;
  groups: ResultGroup[];
  byPeriod: boolean;
}) {
  const orientation = byPeriod ? 'horizontal' : 'vertical';
  const height = byPeriod ? 240 : Math.max(160, groups.length * 34);
  const data = groups.map((g) => ({
    label: g.label,
    score: g.score,
    rate: g.responseRate === null ? null : round(g.responseRate * 100),
    promoters: g.responses ? round((100 * (g.promoters ?? 0)) / g.responses) : 0,
    passives: g.responses ? round((100 * (g.passives ?? 0)) / g.responses) : 0,
    detractors: g.responses ? round((100 * (g.detractors ?? 0)) / g.responses) : 0,
  }));
  const axis = orientation === 'vertical' ? { yAxisProps: { width: 140 } } : {};
  const scoreDomain = kind === 'nps' ? [-100, 100] : kind === 'csat' ? [0, 100] : [1, 7];
  const valueAxis =
    orientation === 'vertical'
      ? { xAxisProps: { domain: scoreDomain } }
      : { yAxisProps: { domain: scoreDomain } };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {kind !== 'custom' && (
        <Figure title={SCORE_NAME[kind]}>
          <BarChart
            h={height}
            data={data}
            dataKey="label"
            orientation={orientation}
            series={[{ name: 'score', label: SCORE_NAME[kind], color: 'blue.6' }]}
            getBarColor={(value) => (kind === 'nps' ? (value < 0 ? 'red.6' : 'teal.6') : 'blue.6')}
            {...axis}
            {...valueAxis}
          />
        </Figure>
      )}
      <Figure title="Response rate (%)">
        <BarChart
          h={height}
          data={data}
          dataKey="label"
          orientation={orientation}
          series={[{ name: 'rate', label: 'Response rate', color: 'grape.6' }]}
          valueFormatter={(value) => `${value}%`}
          {...axis}
        />
      </Figure>
      {kind === 'nps' && (
        <Figure title="Promoters, passives and detractors (%)">
          <BarChart
            h={height}
            data={data}
            dataKey="label"
            orientation={orientation}
            type="percent"
            withLegend
            series={[
              { name: 'promoters', label: 'Promoters (9–10)', color: 'teal.6' },
              { name: 'passives', label: 'Passives (7–8)', color: 'yellow.5' },
              { name: 'detractors', label: 'Detractors (0–6)', color: 'red.6' },
            ]}
            {...axis}
          />
        </Figure>
      )}
    </SimpleGrid>
  );
}

/** How each scale or choice question was answered (over the whole range). */
export function QuestionCharts({ survey, total }: { survey: Survey; total: ResultGroup }) {
  const asked = survey.questions.filter((q) => q.type !== 'text');
  if (asked.length === 0 || total.responses === 0) return null;
  return (
    <Stack>
      <Title order={2} size="h4">
        Answers per question
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {asked.map((q) => {
          const result = total.questions.find((r) => r.questionId === q.id);
          const values =
            q.type === 'scale'
              ? Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i))
              : q.type === 'choice'
                ? q.options
                : [];
          const data = values.map((value) => ({
            value,
            count: result?.counts.find((c) => c.value === value)?.count ?? 0,
          }));
          const mean = result?.mean !== null && result?.mean !== undefined ? ` · mean ${result.mean}` : '';
          return (
            <Figure key={q.id} title={`${q.label} (${result?.answered ?? 0} answers${mean})`}>
              <BarChart
                h={q.type === 'choice' ? Math.max(120, values.length * 30) : 180}
                data={data}
                dataKey="value"
                orientation={q.type === 'choice' ? 'vertical' : 'horizontal'}
                series={[{ name: 'count', label: 'Answers', color: 'indigo.6' }]}
                {...(q.type === 'choice' ? { yAxisProps: { width: 140 } } : {})}
              />
            </Figure>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
