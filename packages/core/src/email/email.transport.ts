import nodemailer from 'nodemailer';
import type { SettingsRow } from './email.repo.ts';

/** One message as the SMTP server gets it. */
export interface Outgoing {
  to: { address: string; name: string | null };
  subject: string;
  text: string;
}

export interface Delivery {
  ok: boolean;
  messageId: string | null;
  /** The server's last answer, or what went wrong on the way. */
  response: string | null;
  /** A 5xx answer: sending it again would be refused again (unknown recipient, refused sender…). */
  permanent: boolean;
}

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends one message through the workspace's SMTP server (nodemailer: one connection per
 * message, TLS as the settings say, the login when there is one). Never throws: a failure is
 * an answer with what the server or the network said.
 */
export async function deliver(settings: SettingsRow, message: Outgoing): Promise<Delivery> {
  const transport = nodemailer.createTransport({
    host: settings.smtp_host,
    port: settings.smtp_port,
    secure: settings.smtp_security === 'tls',
    requireTLS: settings.smtp_security === 'starttls',
    ignoreTLS: settings.smtp_security === 'none',
    auth: settings.smtp_username
      ? { user: settings.smtp_username, pass: settings.smtp_password ?? '' }
      : undefined,
    ...TIMEOUTS,
  });
  try {
    const info = await transport.sendMail({
      from: { address: settings.from_address, name: settings.from_name ?? '' },
      replyTo: settings.reply_to ?? undefined,
      to: { address: message.to.address, name: message.to.name ?? '' },
      subject: message.subject,
      text: message.text,
    });
    const refused = info.rejected?.length ? `refused ${info.rejected.join(', ')}` : null;
    return {
      ok: !refused,
      messageId: info.messageId ?? null,
      response: refused ?? info.response ?? null,
      permanent: Boolean(refused),
    };
  } catch (error) {
    const e = error as { message?: string; responseCode?: number; response?: string };
    const code = typeof e.responseCode === 'number' ? e.responseCode : null;
    return {
      ok: false,
      messageId: null,
      response: (e.response ?? e.message ?? String(error)).slice(0, 1000),
      permanent: code !== null && code >= 500 && code !== 535 && code < 600,
    };
  } finally {
    transport.close();
  }
}
