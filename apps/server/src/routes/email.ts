import {
  emailSettings,
  emailSettingsInput,
  emailsQuery,
  emailTestInput,
  emailTestResult,
  getEmail,
  getEmailSettings,
  listEmails,
  sendTestEmail,
  sentEmail,
  setEmailSettings,
} from '@rapport/core';
import { ADMIN, READ, type Route, route } from '../http/route.ts';
import { idParam, pageOf } from './schemas.ts';

const tag = 'Email';

export const emailRoutes: Route[] = [
  route({
    method: 'get',
    path: '/email-settings',
    tag,
    summary: 'The SMTP server this workspace sends email through (never its password)',
    access: ADMIN,
    response: { status: 200, schema: emailSettings },
    handler: ({ ctx }) => getEmailSettings(ctx),
  }),
  route({
    method: 'put',
    path: '/email-settings',
    tag,
    summary: 'Set the SMTP server; without `password` the stored one stays',
    description:
      'Rapport then emails CSAT invitations on resolution and, when asked, case status links. ' +
      'Switching sending off cancels the emails still waiting.',
    access: ADMIN,
    body: emailSettingsInput,
    response: { status: 200, schema: emailSettings },
    handler: ({ ctx, body }) => setEmailSettings(ctx, body),
  }),
  route({
    method: 'post',
    path: '/email-settings/test',
    tag,
    summary: 'Send a test email now and answer what the SMTP server said',
    description:
      'Sent in the request: 200 when the server took it, 400 with its answer when not (wrong password, ' +
      'refused sender, nothing listening), 409 when no server is set or sending is off.',
    access: ADMIN,
    body: emailTestInput,
    response: { status: 200, schema: emailTestResult },
    handler: ({ ctx, body }) => sendTestEmail(ctx, body),
  }),
  route({
    method: 'get',
    path: '/emails',
    tag,
    summary: 'The emails this workspace sent or will send, newest first, with their delivery state',
    description:
      'Their text is not kept once sent (it carries a personal link); subject, recipient and state are.',
    access: READ,
    query: emailsQuery,
    response: { status: 200, schema: pageOf(sentEmail, 'EmailPage') },
    handler: ({ ctx, query }) => listEmails(ctx, query),
  }),
  route({
    method: 'get',
    path: '/emails/{id}',
    tag,
    summary: 'One email and its delivery state',
    access: READ,
    params: idParam,
    response: { status: 200, schema: sentEmail },
    handler: ({ ctx, params }) => getEmail(ctx, params.id),
  }),
];
