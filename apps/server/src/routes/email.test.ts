import { type SmtpReceiver, startSmtpReceiver } from '@rapport/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
let smtp: SmtpReceiver;
beforeAll(async () => {
  api = await testApi();
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await smtp.close();
  await api.close();
});

const paths = (body: { error: { details: { path: string }[] } }) =>
  body.error.details.map((d) => d.path).sort();

describe('email API', () => {
  it('sets the SMTP server (admins only), never answers the password, and names bad fields', async () => {
    const unset = await api.call('GET', '/api/v1/email-settings');
    expect(unset.body).toMatchObject({ configured: false, passwordSet: false });
    const test = await api.call('POST', '/api/v1/email-settings/test', { body: { to: 'ada@example.test' } });
    expect(test.status).toBe(409);
    expect(test.body.error.message).toMatch(/no SMTP server is set/);

    const bad = await api.call('PUT', '/api/v1/email-settings', {
      body: { host: '', port: 0, security: 'tls', fromAddress: 'care', replyTo: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['fromAddress', 'host', 'port', 'replyTo']);

    const agent = await api.keyFor('agent');
    const forbidden = await api.call('PUT', '/api/v1/email-settings', {
      key: agent,
      body: { host: smtp.host, port: smtp.port, security: 'none', fromAddress: 'care@example.test' },
    });
    expect(forbidden.status).toBe(403);

    const set = await api.call('PUT', '/api/v1/email-settings', {
      body: {
        host: smtp.host,
        port: smtp.port,
        security: 'none',
        username: null,
        password: 'never-shown',
        fromAddress: 'care@example.test',
      },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ configured: true, enabled: true, passwordSet: true, port: smtp.port });
    expect(JSON.stringify(set.body)).not.toContain('never-shown');
  });

  it('sends a test email and lists it; refuses a bad address and an unknown email', async () => {
    const bad = await api.call('POST', '/api/v1/email-settings/test', { body: { to: 'not an address' } });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['to']);
    const sent = await api.call('POST', '/api/v1/email-settings/test', { body: { to: 'ada@example.test' } });
    expect(sent.status).toBe(200);
    expect(sent.body.ok).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['ada@example.test']);
    const list = await api.call('GET', '/api/v1/emails?kind=test&status=sent');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ toAddress: 'ada@example.test', status: 'sent', kind: 'test' });
    const one = await api.call('GET', `/api/v1/emails/${list.body.data[0].id}`);
    expect(one.body.subject).toBe('Rapport test email');
    expect((await api.call('GET', '/api/v1/emails/eml_nope')).status).toBe(404);
    expect((await api.call('GET', '/api/v1/emails?status=lost')).status).toBe(400);
  });
});
