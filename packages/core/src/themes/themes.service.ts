import { analyzeText, findThemes, type ThemeText, textModel } from '@rapport/models';
import { inboundTexts } from '../interactions/interactions.service.ts';
import { peopleOfView } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { type ThemesAnswer, type ThemesQuery, themesQuery } from './themes.schema.ts';

/** Texts read per period: enough for stable themes, bounded for an answer within a second. */
export const TEXTS_PER_PERIOD = 5000;
const SEGMENT_PEOPLE = 50_000;
const DAY = 86_400_000;

/**
 * What customers talk about in the last `days` (inbound interactions for now), which themes rise
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
  const [current, previous] = await Promise.all([
    inboundTexts(ctx, { from, to, personIds, limit: TEXTS_PER_PERIOD }),
    inboundTexts(ctx, { from: before, to: from, personIds, limit: TEXTS_PER_PERIOD }),
  ]);
  const model = textModel();
  const texts: (ThemeText & { at: string; personId: string | null })[] = [
    ...current.map((t) => ({ ...t, period: 'current' as const })),
    ...previous.map((t) => ({ ...t, period: 'previous' as const })),
  ].map((t) => ({
    id: t.id,
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
          kind: 'interaction' as const,
          id: t.id,
          personId: t.personId,
          at: t.at,
          excerpt: t.text.length > 280 ? `${t.text.slice(0, 279)}…` : t.text,
          score: Math.round((t.score ?? 0) * 1000) / 1000,
        })),
    })),
  };
}
