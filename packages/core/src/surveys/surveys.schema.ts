import { z } from 'zod';
import { channel, isoDateTime, queryBool } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

export const SURVEY_KINDS = ['nps', 'csat', 'ces', 'custom'] as const;
export const SURVEY_STATUSES = ['draft', 'active', 'closed'] as const;

const questionId = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'use up to 40 lowercase letters, digits and _, starting with a letter');
const label = z.string().trim().min(1).max(300);
const shortLabel = z.string().trim().min(1).max(60);

const scaleQuestion = z.strictObject({
  id: questionId,
  type: z.literal('scale'),
  label,
  required: z.boolean().default(true),
  min: z.number().int().min(0).max(10).describe('The lowest answer, 0 to 10.'),
  max: z.number().int().min(1).max(10).describe('The highest answer, up to 10 (above min).'),
  minLabel: shortLabel.optional().describe('What the lowest answer means, e.g. "Not at all likely".'),
  maxLabel: shortLabel.optional(),
});

const choiceQuestion = z.strictObject({
  id: questionId,
  type: z.literal('choice'),
  label,
  required: z.boolean().default(true),
  options: z.array(z.string().trim().min(1).max(100)).min(2).max(20),
  multiple: z.boolean().default(false).describe('true: any number of options may be ticked.'),
});

const textQuestion = z.strictObject({
  id: questionId,
  type: z.literal('text'),
  label,
  required: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(5000).default(2000),
});

export const question = z
  .discriminatedUnion('type', [scaleQuestion, choiceQuestion, textQuestion])
  .meta({ id: 'SurveyQuestion', description: 'A scale (min–max), a choice (options) or free text.' });

/** Questions with unique ids, scales whose max is above min, choices without repeated options. */
export const questions = z
  .array(question)
  .max(30)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((q, index) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'is used twice' });
      seen.add(q.id);
      if (q.type === 'scale' && q.max <= q.min)
        ctx.addIssue({ code: 'custom', path: [index, 'max'], message: 'must be above min' });
      if (q.type === 'choice' && new Set(q.options).size !== q.options.length)
        ctx.addIssue({ code: 'custom', path: [index, 'options'], message: 'an option is listed twice' });
    });
  });

const kind = z
  .enum(SURVEY_KINDS)
  .describe(
    'nps (0–10 "How likely are you to recommend …"), csat (1–5 satisfaction), ces (1–7 "How easy …"), ' +
      'each with an optional comment; or custom (your questions).',
  );
const status = z
  .enum(SURVEY_STATUSES)
  .describe('draft (editable, no invitations), active (invitations and answers), closed (no more answers).');
const name = z.string().trim().min(1).max(200);
const longText = z.string().trim().max(2000).nullable();
const minDaysBetween = z
  .number()
  .int()
  .min(0)
  .max(3650)
  .describe('A person invited to or answering any survey within this many days is not invited (default 90).');
const wording = label.describe(
  'The wording of the standard question (nps, csat, ces), e.g. naming a product.',
);

export const surveyCreate = z
  .strictObject({
    name,
    kind,
    questions: questions.optional().describe('The questions of a custom survey (at least one).'),
    scoreLabel: wording.optional(),
    commentLabel: label.optional().describe('The wording of the optional comment (nps, csat, ces).'),
    intro: longText.optional().describe('Shown above the questions.'),
    thankYou: longText.optional().describe('Shown once the answers are recorded.'),
    minDaysBetween: minDaysBetween.default(90),
  })
  .meta({ id: 'SurveyCreate' });

export const surveyUpdate = z
  .strictObject({
    name,
    questions: questions.describe('A custom survey’s questions, while it is a draft.'),
    scoreLabel: wording,
    commentLabel: label,
    intro: longText,
    thankYou: longText,
    minDaysBetween,
    status: status.describe('draft → active → closed → active. Questions change only in a draft.'),
  })
  .partial()
  .meta({ id: 'SurveyUpdate' });

export const survey = z
  .object({
    id: z.string(),
    name: z.string(),
    kind,
    status,
    questions: z.array(question),
    intro: z.string().nullable(),
    thankYou: z.string().nullable(),
    minDaysBetween: z.number().int(),
    invited: z.number().int().describe('Invitations issued.'),
    responses: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Survey' });

export const surveysQuery = z
  .strictObject({ status: status.optional(), ...pageInput })
  .meta({ id: 'SurveysQuery' });

// Invitations

export const SKIP_REASONS = [
  'recently_surveyed',
  'already_invited',
  'do_not_contact',
  'no_consent',
  'no_email',
  'no_phone',
  'merged',
] as const;

const expiresInDays = z
  .number()
  .int()
  .min(1)
  .max(365)
  .describe('Days until the link stops working (default 30).');

export const invitationCreate = z
  .strictObject({
    personIds: z.array(z.string()).min(1).max(1000).optional().describe('The people to invite.'),
    viewId: z.string().optional().describe('Or a saved view of people (a segment): everyone it matches now.'),
    channel: channel.default('email').describe('How the links reach people.'),
    send: z
      .boolean()
      .default(false)
      .describe(
        'With channel email: Rapport emails each link (the workspace must send email, Admin > Email).',
      ),
    expiresInDays: expiresInDays.default(30),
  })
  .refine((value) => (value.personIds === undefined) !== (value.viewId === undefined), {
    message: 'give either personIds or viewId',
    path: ['personIds'],
  })
  .refine((value) => !value.send || value.channel === 'email', {
    message: 'Rapport sends the links by email only: use channel email, or send them yourself',
    path: ['send'],
  })
  .meta({ id: 'SurveyInvitationCreate' });

export const invitationLinksInput = z
  .strictObject({
    invitationIds: z
      .array(z.string())
      .min(1)
      .max(1000)
      .optional()
      .describe('Default: every unanswered invitation whose link still works.'),
    expiresInDays: expiresInDays.default(30),
  })
  .meta({ id: 'SurveyInvitationLinksInput' });

export const invitationLink = z
  .object({
    invitationId: z.string(),
    personId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    link: z.string().describe('The personal link: shown in this answer only (Rapport keeps its hash).'),
    expiresAt: isoDateTime,
    emailId: z
      .string()
      .nullable()
      .optional()
      .describe('The email that carries the link, when Rapport sends it (`send: true`).'),
  })
  .meta({ id: 'SurveyInvitationLink' });

export const invitationOutcome = z
  .object({
    created: z.array(invitationLink),
    skipped: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        reason: z.enum(SKIP_REASONS),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'SurveyInvitationOutcome' });

export const invitationLinks = z
  .object({ data: z.array(invitationLink) })
  .meta({ id: 'SurveyInvitationLinks' });

export const invitation = z
  .object({
    id: z.string(),
    surveyId: z.string(),
    personId: z.string(),
    personName: z.string(),
    email: z.string().nullable(),
    channel,
    status: z.enum(['pending', 'answered', 'expired']),
    sentAt: isoDateTime,
    expiresAt: isoDateTime,
    answeredAt: isoDateTime.nullable(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'SurveyInvitation' });

export const invitationsQuery = z
  .strictObject({ status: z.enum(['pending', 'answered', 'expired']).optional(), ...pageInput })
  .meta({ id: 'SurveyInvitationsQuery' });

// Responses

export const answerValue = z.union([z.number(), z.string(), z.array(z.string())]);

export const surveyResponse = z
  .object({
    id: z.string(),
    surveyId: z.string(),
    surveyName: z.string(),
    surveyKind: kind,
    invitationId: z.string(),
    personId: z.string(),
    personName: z.string(),
    companyId: z.string().nullable(),
    companyName: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    score: z.number().int().nullable().describe('NPS 0–10, CSAT 1–5, CES 1–7; null for custom surveys.'),
    comment: z.string().nullable(),
    answers: z.record(z.string(), answerValue).describe('By question id.'),
    submittedAt: isoDateTime,
  })
  .meta({ id: 'SurveyResponse' });

export const responsesQuery = z
  .strictObject({
    withComment: queryBool.optional().describe('Only answers with a comment.'),
    ...pageInput,
  })
  .meta({ id: 'SurveyResponsesQuery' });

export type SurveyKind = (typeof SURVEY_KINDS)[number];
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export type SkipReason = (typeof SKIP_REASONS)[number];
export type SurveyQuestion = z.infer<typeof question>;
export type SurveyCreate = z.input<typeof surveyCreate>;
export type SurveyUpdate = z.input<typeof surveyUpdate>;
export type Survey = z.infer<typeof survey>;
export type SurveysQuery = z.input<typeof surveysQuery>;
export type InvitationCreate = z.input<typeof invitationCreate>;
export type InvitationLinksInput = z.input<typeof invitationLinksInput>;
export type InvitationLink = z.infer<typeof invitationLink>;
export type InvitationOutcome = z.infer<typeof invitationOutcome>;
export type Invitation = z.infer<typeof invitation>;
export type InvitationsQuery = z.input<typeof invitationsQuery>;
export type SurveyResponse = z.infer<typeof surveyResponse>;
export type ResponsesQuery = z.input<typeof responsesQuery>;
export type AnswerValue = z.infer<typeof answerValue>;

/** Where the standard scales split: NPS promoters 9–10 and detractors 0–6; CSAT satisfied 4–5. */
export const SCORE_BANDS = { npsPromoterFrom: 9, npsDetractorTo: 6, csatSatisfiedFrom: 4 } as const;
