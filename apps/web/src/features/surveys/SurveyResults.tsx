import {
  Alert,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { RESULT_GROUPS, RESULT_PERIODS } from '../../api/enums';
import { label } from '../../shared/format';
import { useSavedViews } from '../views/views';
import { QuestionCharts, ResultCharts } from './ResultCharts';
import {
  formatScore,
  percent,
  type ResultGroup,
  type ResultsQuery,
  SCORE_NAME,
  type Survey,
  type SurveyKind,
  useResults,
} from './surveys';

function Stat({ title, value, detail }: { title: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {title}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

function breakdown(kind: SurveyKind, g: ResultGroup): string {
  if (kind === 'nps') return `${g.promoters} promoters · ${g.passives} passives · ${g.detractors} detractors`;
  if (kind === 'csat') return `${g.satisfied} of ${g.responses} answered 4 or 5 · mean ${g.mean ?? '–'}`;
  if (kind === 'ces') return `${percent(g.easyRate)} answered 5 or more`;
  return '';
}

function GroupTable({ kind, groups, title }: { kind: SurveyKind; groups: ResultGroup[]; title: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Results" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{title}</Table.Th>
            <Table.Th ta="right">Invited</Table.Th>
            <Table.Th ta="right">Answered</Table.Th>
            <Table.Th ta="right">Response rate</Table.Th>
            <Table.Th ta="right">Answers</Table.Th>
            {kind !== 'custom' && <Table.Th ta="right">{SCORE_NAME[kind]}</Table.Th>}
            {kind !== 'custom' && <Table.Th>Breakdown</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key ?? 'none'}>
              <Table.Td>{g.label}</Table.Td>
              <Table.Td ta="right">{g.invited}</Table.Td>
              <Table.Td ta="right">{g.answered}</Table.Td>
              <Table.Td ta="right">{percent(g.responseRate)}</Table.Td>
              <Table.Td ta="right">{g.responses}</Table.Td>
              {kind !== 'custom' && <Table.Td ta="right">{formatScore(kind, g.score)}</Table.Td>}
              {kind !== 'custom' && <Table.Td>{g.responses ? breakdown(kind, g) : ''}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const GROUP_TITLE: Record<string, string> = {
  period: 'Period',
  owner: 'Owner',
  company: 'Company',
  segment: 'Segment',
};

/** The figures of a survey: score, answers and response rate, by period, owner, company or segment. */
export function SurveyResults({ survey }: { survey: Survey }) {
  const [query, setQuery] = useState<ResultsQuery & { groupBy: string; viewId?: string[] }>({
    groupBy: 'period',
    period: 'month',
  });
  const views = useSavedViews('people');
  const segment = query.groupBy === 'segment';
  const ready = !segment || (query.viewId ?? []).length > 0;
  const results = useResults(survey.id, query, ready);
  const set = (patch: Partial<typeof query>) => setQuery((q) => ({ ...q, ...patch }));
  const data = results.data;
  const total = data?.total;
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <Select
          label="Group by"
          data={RESULT_GROUPS.map((g) => ({ value: g, label: label(g) }))}
          value={query.groupBy}
          allowDeselect={false}
          onChange={(groupBy) => groupBy && set({ groupBy: groupBy as typeof query.groupBy })}
          w={140}
        />
        {query.groupBy === 'period' && (
          <Select
            label="Period"
            data={RESULT_PERIODS.map((p) => ({ value: p, label: label(p) }))}
            value={query.period}
            allowDeselect={false}
            onChange={(period) => period && set({ period: period as ResultsQuery['period'] })}
            w={130}
          />
        )}
        <TextInput
          type="date"
          label="From"
          value={query.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          w={160}
        />
        <TextInput
          type="date"
          label="Before"
          value={query.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          w={160}
        />
        {segment && (
          <MultiSelect
            label="Saved views of people"
            placeholder="Compare up to 10"
            data={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
            value={query.viewId ?? []}
            onChange={(viewId) => set({ viewId })}
            maxValues={10}
            miw={240}
          />
        )}
        {results.isFetching && <Loader size="sm" aria-label="Loading results" />}
      </Group>
      {segment && !ready && <Text c="dimmed">Choose one or more saved views of people to compare them.</Text>}
      {results.error && (
        <Alert color="red" role="alert">
          {results.error.message}
        </Alert>
      )}
      {data && total && ready && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {survey.kind !== 'custom' && (
              <Stat
                title={SCORE_NAME[survey.kind]}
                value={formatScore(survey.kind, total.score)}
                detail={total.responses ? breakdown(survey.kind, total) : undefined}
              />
            )}
            <Stat title="Answers" value={String(total.responses)} />
            <Stat title="Invited" value={String(total.invited)} detail={`${total.answered} answered`} />
            <Stat title="Response rate" value={percent(total.responseRate)} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {new Date(data.from).toLocaleDateString()} – {new Date(data.to).toLocaleDateString()} (UTC
            periods). Answers count when given; the response rate is of the invitations sent in the range.
          </Text>
          {data.groups.length > 0 && (
            <>
              <ResultCharts kind={survey.kind} groups={data.groups} byPeriod={query.groupBy === 'period'} />
              <GroupTable
                kind={survey.kind}
                groups={data.groups}
                title={GROUP_TITLE[query.groupBy] ?? 'Group'}
              />
            </>
          )}
          <QuestionCharts survey={survey} total={total} />
        </>
      )}
    </Stack>
  );
}
