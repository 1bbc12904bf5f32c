import { analyzeText, findThemes, type ThemeText, textModel } from '@rapport/models';
import { inboundTexts } from '../interactions/interactions.service.ts';
import { peopleOfView } from '../people/people.service.ts';
import { reviewTexts } from '../reviews/reviews.service.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { commentTexts } from '../surveys/surveys.service.ts';
import { type ThemesAnswer, type ThemesQuery, themesQuery } from './themes.schema.ts';

/** Texts read per period: enough for stable themes, bounded for an answer within a second. */
export const TEXTS_PER_PERIOD = 5000;
const SEGMENT_PEOPLE = 50_000;
const DAY = 86_400_000;

type TextKind = 'interaction' | 'review' | 'survey';
type Source = (
  ctx: Ctx,
  input: { from: Date; to: Date; personIds: string[] | null; limit: number },
) => Promise<{ id: string; text: string; occurredAt: string; personId: string | null }[]>;
const SOURCES: [TextKind, Source][] = [
  ['interaction', inboundTexts],
  ['review', reviewTexts],
  ['survey', commentTexts],
];

/** What customers wrote in a period: inbound interactions, reviews and mentions, survey comments; the newest first. */
async function customerTexts(ctx: Ctx, from: Date, to: Date, personIds: string[] | null) {
  const all = [];
  for (const [kind, source] of SOURCES)
    for (const t of await source(ctx, { from, to, personIds, limit: TEXTS_PER_PERIOD }))
      all.push({ ...t, kind });
  return all.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1)).slice(0, TEXTS_PER_PERIOD);
}

/**
 * What customers talk about in the last `days` (inbound interactions, reviews and mentions, survey comments), which themes rise
 * or fall against the `days` before, their sentiment, and the texts behind each; of a segment (a
 * saved view of people) when asked. Themes come from the texts themselves (models/text/themes.ts).
 */
export async function listThemes(ctx: Ctx, input: ThemesQuery, now = new Date()): Promise<ThemesAnswer> {
  const query = parseInput(themesQuery, input);
  const to = now;
  const from = new Date(to.getTime() - query.days * DAY);
  const before = new Date(from.getTime() - query.days * DAY);
  const segment = query.viewId ? await peopleOfView(ctx, query.viewId, SEGMENT_PEOPLE) : null;
  const personIds = segment?.ids ?? null;
  const [current, previous] = [
    await customerTexts(ctx, from, to, personIds),
    await customerTexts(ctx, before, from, personIds),
  ];
  const model = textModel();
  const texts: (ThemeText & { kind: TextKind; at: string; personId: string | null })[] = [
    ...current.map((t) => ({ ...t, period: 'current' as const })),
    ...previous.map((t) => ({ ...t, period: 'previous' as const })),
  ].map((t) => ({
    id: t.id,
    kind: t.kind,
    text: t.text,
    at: t.occurredAt,
    personId: t.personId,
    period: t.period,
    score: analyzeText(model, t.text, { emotions: false }).sentiment.score,
  }));
  const byId = new Map(texts.map((t) => [t.id, t]));
  const themes = findThemes(texts, { feelings: model.lexicon.words, limit: query.limit });
  return {
    current: { from: from.toISOString(), to: to.toISOString(), texts: current.length },
    previous: { from: before.toISOString(), to: from.toISOString(), texts: previous.length },
    segment:
      segment && query.viewId ? { id: query.viewId, name: segment.name, people: segment.ids.length } : null,
    sampled: current.length === TEXTS_PER_PERIOD || previous.length === TEXTS_PER_PERIOD,
    themes: themes.map((theme) => ({
      name: theme.name,
      phrases: theme.phrases,
      current: theme.current,
      previous: theme.previous,
      change: theme.change,
      sentiment: theme.sentiment,
      texts: theme.textIds
        .map((id) => byId.get(id)!)
        .filter((t) => t.period === 'current')
        .slice(0, 50)
        .map((t) => ({
          kind: t.kind,
          id: t.id,
          personId: t.personId,
          at: t.at,
          excerpt: t.text.length > 280 ? `${t.text.slice(0, 279)}…` : t.text,
          score: Math.round((t.score ?? 0) * 1000) / 1000,
        })),
    })),
  };
}
