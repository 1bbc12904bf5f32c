import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import { checkLiteralHost, publicOnlyLookup } from './webhooks.guard.ts';

export interface SendOptions {
  /** No answer within this long is a failed attempt (default 15 s). */
  timeoutMs: number;
  /** Refuse hosts that are or resolve to private addresses (SSRF guard). */
  blockPrivateAddresses: boolean;
}

export interface Message {
  id: string;
  body: string;
  url: string;
  secret: string;
}

export interface Outcome {
  ok: boolean;
  status: number | null;
  latencyMs: number;
  error: string | null;
}

const ERROR_TEXT = 300;

/**
 * POSTs one signed message (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature
 * over "id.timestamp.body"). A 2xx answer is a success; anything else, a redirect included, a
 * failure with its reason.
 */
export async function sendMessage(
  message: Message,
  at: Date,
  options: SendOptions,
  signal: AbortSignal,
): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const url = new URL(message.url);
    if (options.blockPrivateAddresses) checkLiteralHost(url);
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(message.body)),
      'user-agent': 'Rapport-Webhooks/1',
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(message.secret).sign(message.id, at, message.body),
    };
    const answer = await post(url, headers, message.body, options, signal);
    const ok = answer.status >= 200 && answer.status < 300;
    const text = answer.text.trim().replace(/\s+/g, ' ').slice(0, ERROR_TEXT);
    return {
      ok,
      status: answer.status,
      latencyMs: elapsed(),
      error: ok ? null : `HTTP ${answer.status}${text ? `: ${text}` : ''}`,
    };
  } catch (error) {
    return { ok: false, status: null, latencyMs: elapsed(), error: reason(error) };
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return `connection refused (${message})`;
  if (code === 'ENOTFOUND') return `host not found (${message})`;
  return message.slice(0, ERROR_TEXT);
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
  signal: AbortSignal,
): Promise<{ status: number; text: string }> {
  return new Promise((resolveAnswer, rejectAnswer) => {
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)),
      options.timeoutMs,
    );
    const resolve = (answer: { status: number; text: string }) => {
      clearTimeout(timer);
      resolveAnswer(answer);
    };
    const reject = (error: unknown) => {
      clearTimeout(timer);
      rejectAnswer(error);
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        headers,
        signal,
        ...(options.blockPrivateAddresses ? { lookup: publicOnlyLookup } : {}),
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < ERROR_TEXT) text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
