import { type AppError, type CaseStatusView, openCaseStatus } from '@rapport/core';
import type { Hono } from 'hono';
import type { Deps } from '../http/mount.ts';
import { failure, html, rateLimit } from '../http/public-page.ts';
import { esc, page } from '../surveys/form-html.ts';

/**
 * The customer's status page of a case at /c/<token>, outside the /api/v1 registry like the survey
 * form: no sign-in (the signed link is the capability), plain HTML without script, mobile first.
 * It shows the status in plain words, the target date (and that we are late, when we are), the
 * history and the promises made with their dates; 404 for a link that is not valid, 410 for a
 * turned-off link or a case closed long ago, 429 past the rate limit.
 */

export const STATUS_REQUESTS_PER_MINUTE = 60;

const TITLES: Partial<Record<AppError['code'], string>> = {
  not_found: 'This link is not valid',
  gone: 'This status page is no longer available',
  rate_limited: 'Too many requests',
};

const day = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));

const PROMISE_WORDS: Record<string, string> = {
  open: 'Promised for',
  renegotiated: 'Moved to',
  kept: 'Kept',
  broken: 'Not kept by',
};

function promiseItem(p: CaseStatusView['promises'][number]): string {
  const when =
    p.status === 'kept' && p.doneAt
      ? `${PROMISE_WORDS.kept} on ${day(p.doneAt)}`
      : `${PROMISE_WORDS[p.status] ?? 'Due'} ${day(p.dueAt)}`;
  const moved =
    p.dueAt !== p.originalDueAt
      ? ` <span class="muted">(first promised for ${esc(day(p.originalDueAt))})</span>`
      : '';
  return `<li><strong>${esc(p.what)}</strong><br><span class="${p.status === 'broken' ? 'error' : 'muted'}">${esc(when)}</span>${moved}</li>`;
}

export function statusPage(view: CaseStatusView): string {
  const kind = [view.type[0]!.toUpperCase() + view.type.slice(1), view.category].filter(Boolean).join(' · ');
  const target = view.targetAt
    ? view.late
      ? `<p class="error">We aimed to solve this by ${esc(day(view.targetAt))} and we are late. We are sorry; we are still on it.</p>`
      : `<p>We aim to solve this by <strong>${esc(day(view.targetAt))}</strong>.</p>`
    : '';
  const who = view.agentFirstName ? `<p class="muted">Looking after it: ${esc(view.agentFirstName)}</p>` : '';
  const history = view.history
    .map((h) => `<li>${esc(day(h.at))}: ${esc(h.headline)}</li>`)
    .reverse()
    .join('');
  const promises = view.promises.length
    ? `<h2>What we promised</h2><ul class="list">${view.promises.map(promiseItem).join('')}</ul>`
    : '';
  const body = `<h1>${esc(view.headline)}</h1>
<div class="card"><p class="muted">${esc(kind)} · reference ${esc(view.reference)} · opened ${esc(day(view.openedAt))}</p>
<p>${esc(view.explanation)}</p>${target}${who}</div>
${promises ? `<div class="card" style="margin-top:1rem">${promises}</div>` : ''}
<div class="card" style="margin-top:1rem"><h2>History</h2><ul class="list">${history}</ul></div>`;
  return page(`${view.headline} · ${view.reference}`, body);
}

export function mountCaseStatusPages(app: Hono, deps: Deps) {
  const limited = rateLimit(STATUS_REQUESTS_PER_MINUTE);
  app.get('/c/:token', async (c) => {
    try {
      limited(c);
      return html(c, statusPage(await openCaseStatus(deps.sys, c.req.param('token'))), 200);
    } catch (error) {
      return failure(c, error, TITLES);
    }
  });
}
