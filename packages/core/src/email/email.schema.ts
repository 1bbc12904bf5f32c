import { z } from 'zod';
import { email, isoDateTime, text } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

/** Outgoing email: the workspace's SMTP server and the emails Rapport sends through it. */

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export const EMAIL_KINDS = ['csat', 'status_link', 'survey', 'message', 'test'] as const;
export const EMAIL_STATUSES = ['queued', 'retrying', 'sent', 'failed', 'cancelled'] as const;

const host = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address, e.g. smtp.example.com');

export const emailSettingsInput = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe('Off: nothing is sent (emails already queued are cancelled).'),
    host,
    port: z
      .number()
      .int()
      .min(1)
      .max(65535)
      .describe('587 with starttls, 465 with tls, 25 for a local relay.'),
    security: z
      .enum(SMTP_SECURITY)
      .describe(
        'tls: TLS from the first byte (465); starttls: upgrade required (587); none: plain (a local relay).',
      ),
    username: text(320).min(1).nullable().default(null),
    password: z
      .string()
      .max(1000)
      .nullable()
      .optional()
      .describe('Left out: the stored password stays; null: none. Never answered back.'),
    fromAddress: email.describe('The sender, e.g. care@example.com.'),
    fromName: text(200).min(1).nullable().default(null).describe('e.g. "Example Care".'),
    replyTo: email.nullable().default(null),
  })
  .meta({ id: 'EmailSettingsInput' });
export type EmailSettingsInput = z.input<typeof emailSettingsInput>;

export const emailSettings = z
  .object({
    configured: z
      .boolean()
      .describe('False until an SMTP server is set; the other fields are then defaults.'),
    enabled: z.boolean(),
    host: z.string().nullable(),
    port: z.number().int().nullable(),
    security: z.enum(SMTP_SECURITY).nullable(),
    username: z.string().nullable(),
    passwordSet: z.boolean(),
    fromAddress: z.string().nullable(),
    fromName: z.string().nullable(),
    replyTo: z.string().nullable(),
    updatedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'EmailSettings' });
export type EmailSettings = z.infer<typeof emailSettings>;

export const emailTestInput = z.strictObject({ to: email }).meta({ id: 'EmailTestInput' });

export const sentEmail = z
  .object({
    id: z.string(),
    kind: z.enum(EMAIL_KINDS),
    toAddress: z.string(),
    toName: z.string().nullable(),
    personId: z.string().nullable(),
    caseId: z.string().nullable(),
    subject: z.string(),
    status: z.enum(EMAIL_STATUSES),
    attempts: z.number().int(),
    error: z
      .string()
      .nullable()
      .describe('What the SMTP server or the network said on the last failed attempt.'),
    createdAt: isoDateTime,
    lastAttemptAt: isoDateTime.nullable(),
    nextAttemptAt: isoDateTime.nullable(),
    sentAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Email' });
export type SentEmail = z.infer<typeof sentEmail>;

export const emailsQuery = z
  .strictObject({
    status: z.enum(EMAIL_STATUSES).optional(),
    kind: z.enum(EMAIL_KINDS).optional(),
    caseId: z.string().max(100).optional(),
    personId: z.string().max(100).optional(),
    ...pageInput,
  })
  .meta({ id: 'EmailsQuery' });
export type EmailsQuery = z.input<typeof emailsQuery>;

export const emailTestResult = z
  .object({ ok: z.literal(true), messageId: z.string().nullable(), response: z.string().nullable() })
  .meta({ id: 'EmailTestResult' });
