import { createHash } from 'node:crypto';
import { standardQuestions } from '../surveys/surveys.service.ts';
import type { DemoIds, Rng } from './demo.random.ts';
import type { DemoRows } from './demo.rows.ts';
import type { StaffIds, StaffMember } from './demo.staff.ts';
import type { CommentPools } from './demo.surveys.texts.ts';
import { DAY, fill, iso } from './demo.text.ts';

/**
 * A year of surveys in a demo workspace: a relationship NPS sent in quarterly waves (the last
 * one nine days ago, partly unanswered still) and a CSAT sent each month to people the team was
 * in touch with. Who answers, and how, depends on the person's mood, their owner's reliability
 * and a slow improvement over the year; a person is asked at most once per survey's
 * minDaysBetween, as Rapport would enforce. The links were never issued: the invitations carry
 * the hash of a token that does not exist, so no demo link opens.
 */

export interface SurveyPlan {
  name: string;
  scoreLabel?: string;
  intro: string;
  thankYou: string;
  comments: CommentPools;
}

export interface SurveyDemoInput {
  rng: Rng;
  ids: DemoIds;
  now: number;
  rows: DemoRows;
  /** How the standard questions name the business ("recommend Bean & Leaf"). */
  org: string;
  staff: StaffIds;
  members: readonly StaffMember[];
  nps: SurveyPlan & { share: number };
  csat: SurveyPlan & { perMonth: number };
}

const NPS_WAVES = [350, 259, 168, 77, 9];
const CSAT_WAVES = Array.from({ length: 12 }, (_, i) => 340 - 30 * i);
const EXPIRES = 30 * DAY;

interface Person {
  id: string;
  owner: string | null;
  company: string | null;
  since: number;
  mood: number;
  lastAsked: number;
}

const ms = (value: unknown) => new Date(value as string).getTime();

function people(input: SurveyDemoInput): Person[] {
  const company = new Map<string, string>();
  const memberships = [...input.rows.memberships].sort((a, b) => Number(b.is_primary) - Number(a.is_primary));
  for (const m of memberships)
    if (!m.ended_on && !company.has(m.person_id)) company.set(m.person_id, m.company_id);
  return input.rows.people
    .filter((p) => {
      const consent = (p.consent ?? {}) as { email?: { status?: string } };
      return p.email && !p.do_not_contact && !p.merged_into_id && consent.email?.status !== 'denied';
    })
    .map((p) => ({
      id: p.id,
      owner: p.owner_id ?? null,
      company: company.get(p.id) ?? null,
      since: ms(p.created_at),
      mood: input.rng.normal(0, 1),
      lastAsked: Number.NEGATIVE_INFINITY,
    }));
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

export function surveys(input: SurveyDemoInput): void {
  const { rng, ids, now, rows } = input;
  const head = input.staff.head ?? null;
  const reliability = new Map(input.members.map((m) => [input.staff[m.key], m.reliability]));
  const ownerName = new Map(input.members.map((m) => [input.staff[m.key], m.name.split(' ')[0]!]));
  const all = people(input);
  const created = now - 365 * DAY;

  const survey = (kind: 'nps' | 'csat', plan: SurveyPlan, minDays: number) => {
    const id = ids.make('survey', created);
    rows.surveys.push({
      id,
      name: plan.name,
      kind,
      questions: JSON.stringify(standardQuestions(kind, input.org, { scoreLabel: plan.scoreLabel })),
      status: 'active',
      intro: plan.intro,
      thank_you: plan.thankYou,
      min_days_between: minDays,
      created_by: head,
      created_at: iso(created),
      updated_at: iso(created),
    });
    return id;
  };

  /** Invites `who` at `at`; some answer within days, with a score from `score` and maybe a comment. */
  const send = (
    surveyId: string,
    who: Person[],
    at: number,
    plan: SurveyPlan,
    answers: (p: Person, rel: number) => { chance: number; score: number; band: keyof CommentPools },
  ) => {
    for (const p of who) {
      const sent = at + rng.int(0, 6 * 3_600_000);
      p.lastAsked = sent;
      const id = ids.make('surveyInvitation', sent);
      const rel = reliability.get(p.owner ?? '') ?? 0.82;
      const outcome = answers(p, rel);
      const answeredAt = rng.chance(outcome.chance)
        ? sent + Math.min(rng.exponential(1 / 2.5), 25) * DAY + 20 * 60_000
        : null;
      const answered = answeredAt !== null && answeredAt < now ? answeredAt : null;
      rows.survey_invitations.push({
        id,
        survey_id: surveyId,
        person_id: p.id,
        token_hash: createHash('sha256').update(`demo:${id}`).digest('hex'),
        channel: 'email',
        sent_at: iso(sent),
        expires_at: iso(sent + EXPIRES),
        answered_at: answered === null ? null : new Date(answered),
        owner_id: p.owner,
        company_id: p.company,
        created_by: head,
      });
      if (answered === null) continue;
      const wantsToSay = rng.chance(outcome.band === 'high' ? 0.4 : 0.65);
      const comment = wantsToSay
        ? fill(rng, rng.pick(plan.comments[outcome.band]), {
            owner: ownerName.get(p.owner ?? '') ?? 'our contact',
          })
        : null;
      rows.survey_responses.push({
        id: ids.make('surveyResponse', answered),
        survey_id: surveyId,
        invitation_id: id,
        person_id: p.id,
        company_id: p.company,
        owner_id: p.owner,
        answers: JSON.stringify(comment ? { score: outcome.score, comment } : { score: outcome.score }),
        score: outcome.score,
        comment,
        submitted_at: iso(answered),
      });
    }
  };

  const nps = survey('nps', input.nps, 90);
  const csat = survey('csat', input.csat, 30);
  const contacted = new Map<string, number[]>();
  for (const ip of rows.interaction_people) {
    const list = contacted.get(ip.person_id) ?? [];
    list.push(ms(ip.occurred_at));
    contacted.set(ip.person_id, list);
  }
  // Both surveys' waves in time order, so the frequency limit sees what came before.
  const waves = [
    ...NPS_WAVES.map((days) => ({ days, kind: 'nps' as const })),
    ...CSAT_WAVES.map((days) => ({ days, kind: 'csat' as const })),
  ].sort((a, b) => b.days - a.days);
  for (const wave of waves) {
    const at = now - wave.days * DAY;
    const trend = 1 - wave.days / 365;
    if (wave.kind === 'nps') {
      const open = all.filter((p) => p.since < at && at - p.lastAsked >= 90 * DAY);
      send(nps, rng.sample(open, Math.round(open.length * input.nps.share)), at, input.nps, (p, rel) => {
        const score = clamp(rng.normal(7.8 + 0.8 * trend + 4 * (rel - 0.82) + 0.9 * p.mood, 1.7), 0, 10);
        const chance = Math.min(
          0.7,
          Math.max(0.15, 0.34 + 0.08 * trend + 0.6 * (rel - 0.82) + 0.05 * p.mood),
        );
        return { chance, score, band: score >= 9 ? 'high' : score >= 7 ? 'middle' : 'low' };
      });
    } else {
      const recent = (p: Person) => (contacted.get(p.id) ?? []).some((t) => t < at && t >= at - 30 * DAY);
      const open = all.filter((p) => at - p.lastAsked >= 30 * DAY && recent(p));
      send(csat, rng.sample(open, Math.min(open.length, input.csat.perMonth)), at, input.csat, (p, rel) => {
        const score = clamp(rng.normal(4.1 + 0.3 * trend + 2.5 * (rel - 0.82) + 0.5 * p.mood, 0.9), 1, 5);
        return { chance: 0.3, score, band: score >= 4 ? 'high' : score === 3 ? 'middle' : 'low' };
      });
    }
  }
}
