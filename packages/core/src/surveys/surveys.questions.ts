import type { ErrorDetail } from '../shared/errors.ts';
import type { AnswerValue, SurveyKind, SurveyQuestion } from './surveys.schema.ts';

/** The id of the standard question of an NPS, CSAT or CES survey, and of its comment. */
export const SCORE_ID = 'score';
export const COMMENT_ID = 'comment';

type StandardKind = Exclude<SurveyKind, 'custom'>;

const STANDARD: Record<
  StandardKind,
  { scale: [number, number]; label: (org: string) => string; ends: [string, string]; comment: string }
> = {
  nps: {
    scale: [0, 10],
    label: (org) => `How likely are you to recommend ${org} to a friend or colleague?`,
    ends: ['Not at all likely', 'Extremely likely'],
    comment: 'What is the main reason for your score?',
  },
  csat: {
    scale: [1, 5],
    label: (org) => `How satisfied are you with ${org}?`,
    ends: ['Very dissatisfied', 'Very satisfied'],
    comment: 'What could we do better?',
  },
  ces: {
    scale: [1, 7],
    label: (org) => `How easy was it to get what you needed from ${org}?`,
    ends: ['Very difficult', 'Very easy'],
    comment: 'What made it easy or hard?',
  },
};

/** The scale of a kind's metric: NPS 0–10, CSAT 1–5, CES 1–7. */
export function scaleOf(kind: StandardKind): [number, number] {
  return STANDARD[kind].scale;
}

/** An NPS, CSAT or CES survey's questions: the standard one, then an optional comment. */
export function standardQuestions(
  kind: StandardKind,
  org: string,
  wording: { scoreLabel?: string | undefined; commentLabel?: string | undefined } = {},
): SurveyQuestion[] {
  const standard = STANDARD[kind];
  return [
    {
      id: SCORE_ID,
      type: 'scale',
      label: wording.scoreLabel ?? standard.label(org),
      required: true,
      min: standard.scale[0],
      max: standard.scale[1],
      minLabel: standard.ends[0],
      maxLabel: standard.ends[1],
    },
    {
      id: COMMENT_ID,
      type: 'text',
      label: wording.commentLabel ?? standard.comment,
      required: false,
      maxLength: 2000,
    },
  ];
}

export interface CheckedAnswers {
  answers: Record<string, AnswerValue>;
  /** One per question answered wrongly, its path the question id; messages meant for respondents. */
  errors: ErrorDetail[];
}

function blank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.every(blank);
}

type Checked = { value: AnswerValue } | { error: string };

function checkOne(q: SurveyQuestion, raw: unknown): Checked {
  if (q.type === 'scale') {
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
    if (!Number.isInteger(value) || value < q.min || value > q.max) {
      return { error: `Choose a number from ${q.min} to ${q.max}.` };
    }
    return { value };
  }
  if (q.type === 'choice') {
    const picked = (Array.isArray(raw) ? raw : [raw]).map((item) => String(item).trim()).filter(Boolean);
    if (picked.some((item) => !q.options.includes(item))) return { error: 'Choose from the options given.' };
    if (!q.multiple && picked.length > 1) return { error: 'Choose one option.' };
    return { value: q.multiple ? [...new Set(picked)] : picked[0]! };
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: 'Write your answer as text.' };
  const text = String(raw).trim();
  if (text.length > q.maxLength) {
    return { error: `Answer in at most ${q.maxLength} characters (this one has ${text.length}).` };
  }
  return { value: text };
}

/**
 * Checks the answers to a survey's questions (from the public form or JSON): required questions
 * answered, scales within range, choices among the options, texts within their length. Unknown
 * fields are ignored (a form carries its button too). Scale answers come back as numbers.
 */
export function checkAnswers(list: readonly SurveyQuestion[], raw: Record<string, unknown>): CheckedAnswers {
  const answers: Record<string, AnswerValue> = {};
  const errors: ErrorDetail[] = [];
  for (const q of list) {
    const value = raw[q.id];
    if (blank(value)) {
      if (q.required) errors.push({ path: q.id, message: 'Please answer this question.' });
      continue;
    }
    const checked = checkOne(q, value);
    if ('error' in checked) errors.push({ path: q.id, message: checked.error });
    else answers[q.id] = checked.value;
  }
  return { answers, errors };
}
