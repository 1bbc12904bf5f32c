import { z } from 'zod';
import { isoDate, isoDateTime, oneOrMany } from '../shared/fields.ts';
import { SURVEY_KINDS } from './surveys.schema.ts';

export const RESULT_GROUPS = ['period', 'owner', 'company', 'segment'] as const;
export const RESULT_PERIODS = ['week', 'month', 'quarter'] as const;

const when = z.union([isoDate, isoDateTime]);

export const resultsQuery = z
  .strictObject({
    groupBy: z
      .enum(RESULT_GROUPS)
      .default('period')
      .describe(
        'period: by when invitations were sent and answers given; owner and company: as they were ' +
          'when invited and when answering; segment: one group per saved view of people (viewId).',
      ),
    period: z.enum(RESULT_PERIODS).default('month').describe('The length of a period (UTC).'),
    from: when.optional().describe('From this day or time on (default: a year before `to`).'),
    to: when.optional().describe('Before this day or time (default: now).'),
    viewId: oneOrMany(z.string())
      .optional()
      .describe('groupBy=segment: up to 10 saved views of people, each a segment as it matches now.'),
  })
  .meta({ id: 'SurveyResultsQuery' });

const count = z.number().int();
const share = z.number().nullable();

export const questionResult = z
  .object({
    questionId: z.string(),
    answered: count.describe('Answers that gave this question an answer.'),
    mean: share.describe('The mean answer of a scale question.'),
    counts: z.array(z.object({ value: z.string(), count })).describe('How often each answer was given.'),
  })
  .meta({ id: 'SurveyQuestionResult' });

export const resultGroup = z
  .object({
    key: z
      .string()
      .nullable()
      .describe('The period’s first day, the owner’s user id, the company id or the view id; null: none.'),
    label: z.string(),
    invited: count.describe('Invitations sent in the range.'),
    answered: count.describe('Of those, how many have been answered.'),
    responseRate: share.describe('answered / invited (0–1); null without invitations.'),
    responses: count.describe('Answers given in the range (what the score is computed from).'),
    score: share.describe(
      'NPS: % promoters − % detractors (−100 to 100); CSAT: % answering 4 or 5; CES: the mean (1–7); custom: null.',
    ),
    promoters: count.nullable().describe('NPS: answers 9–10.'),
    passives: count.nullable().describe('NPS: answers 7–8.'),
    detractors: count.nullable().describe('NPS: answers 0–6.'),
    satisfied: count.nullable().describe('CSAT: answers 4–5.'),
    easy: count.nullable().describe('CES: answers 5–7.'),
    easyRate: share.describe('CES: the share of answers 5–7 (0–1).'),
    mean: share.describe('The mean score (NPS, CSAT, CES).'),
    questions: z.array(questionResult).describe('Per scale or choice question: the answers’ distribution.'),
  })
  .meta({ id: 'SurveyResultGroup' });

export const surveyResults = z
  .object({
    surveyId: z.string(),
    kind: z.enum(SURVEY_KINDS),
    groupBy: z.enum(RESULT_GROUPS),
    period: z.enum(RESULT_PERIODS).nullable(),
    from: isoDateTime,
    to: isoDateTime,
    total: resultGroup.describe('Everything in the range, in one group.'),
    groups: z.array(resultGroup),
  })
  .meta({ id: 'SurveyResults' });

export type ResultsQuery = z.input<typeof resultsQuery>;
export type ResultGroup = z.infer<typeof resultGroup>;
export type QuestionResult = z.infer<typeof questionResult>;
export type SurveyResults = z.infer<typeof surveyResults>;
