import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as a test SMTP server took it: the envelope and the raw text (headers and body). */
export interface Mail {
  from: string;
  to: string[];
  raw: string;
  /** A header's value (the first of that name), or null. */
  header(name: string): string | null;
  /** The text of a plain message, quoted-printable decoded. */
  text: string;
}

function mailOf(from: string, to: string[], raw: string): Mail {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return {
    from,
    to,
    raw,
    header: (name) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? null,
    text: Buffer.from(
      raw
        .slice(head.length + 4)
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8'),
  };
}

export interface SmtpReceiver {
  host: string;
  port: number;
  mails: Mail[];
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Mail[]>;
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /** Answer RCPT TO for these addresses with this SMTP error (e.g. 550 for an unknown user). */
  refuse?: { address: string; code: number; message: string };
  /** Require this user name and password. */
  login?: { username: string; password: string };
}

/**
 * An SMTP server on 127.0.0.1 for tests (smtp-server), plain text: what Rapport's email job sends
 * arrives here. Never used by Rapport itself.
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.login?.username && auth.password === options.login?.password;
      callback(
        ok ? null : Object.assign(new Error('Invalid login'), { responseCode: 535 }),
        ok ? { user: auth.username } : undefined,
      );
    },
    onRcptTo(address, _session, callback) {
      const refuse = options.refuse;
      if (refuse && address.address === refuse.address)
        return callback(Object.assign(new Error(refuse.message), { responseCode: refuse.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(
          mailOf(
            session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            session.envelope.rcptTo.map((r) => r.address),
            Buffer.concat(chunks).toString('utf8'),
          ),
        );
        for (const w of waiting.filter((w) => mails.length >= w.count)) w.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    mails,
    waitFor(count, timeoutMs = 10_000) {
      if (mails.length >= count) return Promise.resolve(mails);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${mails.length} of ${count} emails arrived`)),
          timeoutMs,
        );
        waiting.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(mails);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
