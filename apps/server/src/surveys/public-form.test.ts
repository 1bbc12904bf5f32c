import { fixedClock } from '@rapport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { type TestApi, testApi } from '../testing.ts';
import { FORM_REQUESTS_PER_MINUTE } from './public-form.ts';

let api: TestApi;
let survey: { id: string };
beforeAll(async () => {
  api = await testApi();
  survey = await api.ok('POST', '/api/v1/surveys', {
    name: 'How are we doing?',
    kind: 'nps',
    intro: 'Two questions, one minute.',
    thankYou: 'Thank you, Hanna & team will read every comment.',
  });
  await api.ok('PATCH', `/api/v1/surveys/${survey.id}`, { status: 'active' });
});
afterAll(() => api.close());

let n = 0;
/** A new person invited to the survey: the path of their link (/s/<token>). */
async function linkFor(surveyId = survey.id, expiresInDays = 30): Promise<string> {
  n++;
  const person = await api.ok('POST', '/api/v1/people', {
    firstName: `Pat${n}`,
    email: `pat${n}@example.test`,
  });
  const { created } = await api.ok('POST', `/api/v1/surveys/${surveyId}/invitations`, {
    personIds: [person.id],
    expiresInDays,
  });
  return new URL(created[0].link).pathname;
}

const submit = (path: string, fields: string, headers: Record<string, string> = {}) =>
  api.call('POST', path, {
    key: null,
    body: fields,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

describe('the public survey form', () => {
  it('is a real page without sign-in: the questions, accessible, mobile-first, no script, not cached', async () => {
    const path = await linkFor();
    const res = await api.call('GET', path, { key: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html: string = res.body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<h1>How are we doing?</h1>');
    expect(html).toContain(`Hello Pat${n},`);
    expect(html).toContain('Two questions, one minute.');
    expect(html).toMatch(
      /<legend>How likely are you to recommend Test .+ to a friend or colleague\? <span class="req">\(required\)<\/span><\/legend>/,
    );
    for (let score = 0; score <= 10; score++) expect(html).toContain(`name="score" value="${score}"`);
    expect(html).toContain('0 = Not at all likely');
    expect(html).toContain('<label class="label" for="q-comment">What is the main reason for your score?');
    expect(html).toContain('<form method="post">');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
  });

  it('shows the form again with each error next to its question (400), keeping what was written', async () => {
    const path = await linkFor();
    const res = await submit(path, 'score=11&comment=Great+%3Cb%3Eservice%3C%2Fb%3E');
    expect(res.status).toBe(400);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('One answer needs another look; nothing was recorded yet.');
    expect(res.body).toContain('<p class="error" id="q-score-error">Choose a number from 0 to 10.</p>');
    expect(res.body).toContain('aria-describedby="q-score-hint q-score-error"');
    expect(res.body).toContain('Great &lt;b&gt;service&lt;/b&gt;</textarea>');
    const empty = await submit(path, 'comment=');
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Please answer this question.');
    const json = await api.call('POST', path, { key: null, body: { score: 5 } });
    expect(json.status, json.body).toBe(415);
    expect(json.body).toContain('The answers must be sent by the survey’s form.');
  });

  it('records the answers once: thanks, then "already answered" (409) for the page and a second submit', async () => {
    const path = await linkFor();
    const ok = await submit(path, 'score=9&comment=Quick+delivery');
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('Thank you, Hanna &amp; team will read every comment.');
    for (const again of [await submit(path, 'score=2'), await api.call('GET', path, { key: null })]) {
      expect(again.status).toBe(409);
      expect(again.body).toContain(
        'You have already answered this survey. Thank you, your answers were recorded.',
      );
    }
    const [response] = (await api.ok('GET', `/api/v1/surveys/${survey.id}/responses`)).data;
    expect(response).toMatchObject({ score: 9, comment: 'Quick delivery' });
  });

  it('refuses forged (404), expired (410) and closed (410) links with a page that says so', async () => {
    const path = await linkFor(survey.id, 1);
    const token = path.slice(3);
    const forged = `/s/${token.slice(0, -3)}abc`;
    for (const bad of [forged, '/s/not-a-token', `/s/${token.replace(/\.\w+\./, '.zzzzzz.')}`]) {
      const res = await api.call('GET', bad, { key: null });
      expect(res.status, bad).toBe(404);
      expect(res.body).toContain('This survey link is not valid.');
    }
    expect((await submit(forged, 'score=1')).status).toBe(404);

    const tomorrow = fixedClock(new Date(Date.now() + 2 * 86_400_000));
    const later = createApp({ db: api.db, clock: tomorrow });
    const expired = await later.request(path);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This survey link has expired.');

    const closing = await api.ok('POST', '/api/v1/surveys', { name: 'Closing', kind: 'csat' });
    await api.ok('PATCH', `/api/v1/surveys/${closing.id}`, { status: 'active' });
    const closedPath = await linkFor(closing.id);
    await api.ok('PATCH', `/api/v1/surveys/${closing.id}`, { status: 'closed' });
    const closed = await api.call('GET', closedPath, { key: null });
    expect(closed.status).toBe(410);
    expect(closed.body).toContain('This survey is closed and no longer takes answers.');
    expect((await submit(closedPath, 'score=5')).status).toBe(410);
  });

  it('limits requests per address (429 with Retry-After)', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.7' };
    const app = createApp({ db: api.db });
    for (let i = 0; i < FORM_REQUESTS_PER_MINUTE; i++) {
      expect((await app.request('/s/guess', { headers })).status).toBe(404);
    }
    const limited = await app.request('/s/guess', { headers });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many requests from your address');
    expect((await app.request('/s/guess', { headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(
      404,
    );
  });
});
