// The demo generators alone (no database): deterministic, consistent, realistic rows.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateB2B } from './demo.b2b.ts';
import { generateB2C } from './demo.b2c.ts';
import type { DemoRows } from './demo.rows.ts';
import { B2B_STAFF, B2C_STAFF } from './demo.staff.ts';

const NOW = new Date('2026-11-23T00:00:00Z');
const staffIds = (staff: typeof B2B_STAFF) => Object.fromEntries(staff.map((m) => [m.key, `usr_${m.key}`]));

const hash = (rows: DemoRows) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

describe('the generators', () => {
  const b2b = generateB2B({ seed: 'rapport-demo', now: NOW, staff: staffIds(B2B_STAFF) });
  const b2c = generateB2C({ seed: 'rapport-demo', now: NOW, staff: staffIds(B2C_STAFF), customers: 600 });

  it('give identical rows and ids for the same seed, and different ones for another seed', () => {
    const again = generateB2B({ seed: 'rapport-demo', now: NOW, staff: staffIds(B2B_STAFF) });
    expect(hash(again)).toBe(hash(b2b));
    expect(again.interactions.map((r) => r.id)).toEqual(b2b.interactions.map((r) => r.id));
    const c2 = generateB2C({ seed: 'rapport-demo', now: NOW, staff: staffIds(B2C_STAFF), customers: 600 });
    expect(hash(c2)).toBe(hash(b2c));
    const other = generateB2B({ seed: 'another seed', now: NOW, staff: staffIds(B2B_STAFF) });
    expect(hash(other)).not.toBe(hash(b2b));
    expect(other.people[0]!.id).not.toBe(b2b.people[0]!.id);
    const otherC = generateB2C({
      seed: 'another seed',
      now: NOW,
      staff: staffIds(B2C_STAFF),
      customers: 600,
    });
    expect(hash(otherC)).not.toBe(hash(b2c));
  });

  it('makes ids in the format of shared/ids.ts, ordered by the record date', () => {
    for (const row of b2b.interactions.slice(0, 200)) expect(row.id).toMatch(/^int_[0-9a-hjkmnp-tv-z]{26}$/);
    const key = (o: (typeof b2c.orders)[number]) => `${String(o.ordered_at)} ${o.id}`;
    const byDate = [...b2c.orders].sort((a, b) => key(a).localeCompare(key(b)));
    const ids = byDate.map((o) => o.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps every date within the window before now', () => {
    const dates = [...b2b.interactions.map((r) => r.occurred_at), ...b2c.orders.map((r) => r.ordered_at)];
    const times = dates.map((d) => Date.parse(String(d)));
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 5 * 366 * 86_400_000);
  });

  it('writes finished text: no unfilled slot, no bracket left', () => {
    const texts = [...b2b.interactions, ...b2c.interactions].flatMap((r) => [r.subject ?? '', r.body ?? '']);
    texts.push(...[...b2b.notes, ...b2c.notes].map((n) => n.body), ...b2b.tasks.map((t) => t.title));
    texts.push(...[...b2b.reviews, ...b2c.reviews].flatMap((r) => [r.title ?? '', r.text]));
    for (const text of texts) expect(text).not.toMatch(/[{}[\]]/);
  });

  it('has reviews and mentions, those of known authors matched as matchAuthors would (email or handle)', () => {
    for (const rows of [b2b, b2c]) {
      const people = new Map(rows.people.map((p) => [p.id, p]));
      expect(new Set(rows.reviews.map((r) => r.kind))).toEqual(new Set(['review', 'mention']));
      const matched = rows.reviews.filter((r) => r.person_id);
      expect(matched.length).toBeGreaterThan(5);
      expect(matched.length).toBeLessThan(rows.reviews.length);
      for (const r of matched) {
        const person = people.get(r.person_id!)!;
        const handles = Object.values(person.social_handles as Record<string, string>);
        const handle = (r.author_handle ?? '').replace(/^@|^https:\/\/www\.[a-z]+\.com\//, '').toLowerCase();
        expect(r.author_email === person.email || handles.includes(handle), `${r.id}`).toBe(true);
      }
      for (const r of rows.reviews) expect(r.url ?? '').toMatch(/^https:\/\/[a-z0-9.-]+\.example\//);
    }
    expect(new Set(b2c.reviews.map((r) => r.source))).toEqual(
      new Set(['trustpilot', 'google', 'app-store', 'google-play', 'instagram', 'x', 'reddit', 'tiktok']),
    );
    expect(
      b2b.reviews.some((r) => r.source === 'g2') && b2b.reviews.some((r) => r.source === 'linkedin'),
    ).toBe(true);
  });

  it('uses only reserved domains for email, so the demo can never write to a real person', () => {
    const emails = [...b2b.people, ...b2c.people].flatMap((p) => [
      p.email ?? '',
      ...(p.additional_emails ?? []),
    ]);
    for (const email of emails.filter(Boolean)) expect(email).toMatch(/(\.example|@example\.(com|net|org))$/);
  });

  it('keeps the money consistent: lines add up to the order subtotal', () => {
    for (const rows of [b2b, b2c]) {
      const sums = new Map<string, number>();
      for (const line of rows.order_lines)
        sums.set(line.order_id, (sums.get(line.order_id) ?? 0) + Number(line.total_minor));
      for (const order of rows.orders) {
        expect(sums.get(order.id)).toBe(order.subtotal_minor);
        const total =
          Number(order.subtotal_minor) - Number(order.discount_minor) + Number(order.shipping_minor);
        // Bean & Leaf's prices include VAT; Helvetia invoices it on top.
        expect(order.total_minor).toBe(rows === b2c ? total : total + Number(order.tax_minor));
      }
    }
  });

  it('shows repeat buying with one-time buyers, loyal regulars and a December peak', () => {
    const full = generateB2C({ seed: 'rapport-demo', now: NOW, staff: staffIds(B2C_STAFF) });
    const perPerson = new Map<string, number>();
    for (const o of full.orders) perPerson.set(o.person_id!, (perPerson.get(o.person_id!) ?? 0) + 1);
    const counts = [...perPerson.values()];
    const oneTime = counts.filter((n) => n === 1).length / counts.length;
    expect(oneTime).toBeGreaterThan(0.15);
    expect(oneTime).toBeLessThan(0.5);
    expect(counts.filter((n) => n >= 20).length).toBeGreaterThan(50);
    const year = NOW.getUTCFullYear() - 1;
    const month = (m: number) =>
      full.orders.filter((o) => String(o.ordered_at).startsWith(`${year}-${String(m).padStart(2, '0')}`))
        .length;
    expect(month(12)).toBeGreaterThan(1.3 * ((month(9) + month(10)) / 2));
  });

  it('surveys a year of customers: an NPS and a CSAT survey, answered once per invitation, within the limits', () => {
    for (const rows of [b2b, b2c]) {
      expect(rows.surveys.map((s) => [s.kind, s.status])).toEqual([
        ['nps', 'active'],
        ['csat', 'active'],
      ]);
      const invitations = new Map(rows.survey_invitations.map((i) => [i.id, i]));
      expect(rows.survey_responses.length).toBeGreaterThan(50);
      const rate = rows.survey_responses.length / rows.survey_invitations.length;
      expect(rate).toBeGreaterThan(0.2);
      expect(rate).toBeLessThan(0.6);
      expect(new Set(rows.survey_responses.map((r) => r.invitation_id)).size).toBe(
        rows.survey_responses.length,
      );
      for (const r of rows.survey_responses) {
        const invitation = invitations.get(r.invitation_id)!;
        expect(invitation.answered_at?.toISOString()).toBe(r.submitted_at);
        expect(invitation.person_id).toBe(r.person_id);
        expect(r.comment ?? '').not.toMatch(/[{}[\]]/);
      }
      const asked = new Map<string, number[]>();
      for (const i of rows.survey_invitations) {
        const at = Date.parse(String(i.sent_at));
        expect(at).toBeLessThanOrEqual(NOW.getTime());
        expect(at).toBeGreaterThan(NOW.getTime() - 366 * 86_400_000);
        asked.set(i.person_id, [...(asked.get(i.person_id) ?? []), at]);
      }
      for (const times of asked.values()) {
        times.sort((a, b) => a - b);
        for (let k = 1; k < times.length; k++)
          expect(times[k]! - times[k - 1]!).toBeGreaterThanOrEqual(29 * 86_400_000);
      }
      // The last NPS wave is nine days old: some of it is still unanswered.
      expect(
        rows.survey_invitations.some(
          (i) => i.answered_at === null && Date.parse(String(i.sent_at)) > NOW.getTime() - 10 * 86_400_000,
        ),
      ).toBe(true);
    }
  });

  it('tells the B2B story: promises kept and broken, overdue follow-ups, accounts turning sour', () => {
    const now = NOW.getTime();
    const overdue = b2b.tasks.filter((t) => t.done_at === null && t.due_at!.getTime() < now);
    expect(overdue.length).toBeGreaterThan(5);
    expect(b2b.tasks.filter((t) => t.done_at !== null).length).toBeGreaterThan(200);
    const bodies = b2b.interactions.map((r) => r.body ?? '');
    expect(bodies.some((b) => /We will ship .* by (Monday|Tuesday|Wednesday|Thursday|Friday)/.test(b))).toBe(
      true,
    );
    expect(bodies.some((b) => /I'll call you back tomorrow/.test(b))).toBe(true);
    const corvalis = b2b.companies.find((c) => c.name.startsWith('Corvalis'))!.id;
    const recent = b2b.interactions.filter(
      (r) => r.company_id === corvalis && Date.parse(String(r.occurred_at)) > now - 120 * 86_400_000,
    );
    expect(
      recent.some((r) => /angry|furious|frustrat|unacceptable|alternative manufacturers/i.test(r.body ?? '')),
    ).toBe(true);
  });
});
