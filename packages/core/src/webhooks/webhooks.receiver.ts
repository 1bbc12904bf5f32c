import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How to answer the n-th request (0-based): a status, after an optional delay. Default 204. */
  answer(fn: (request: Received, n: number) => number | Promise<number>): void;
  close(): Promise<void>;
}

/** For tests: an HTTP server on 127.0.0.1 that records what webhook deliveries it gets. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let answer: (request: Received, n: number) => number | Promise<number> = () => 204;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', async () => {
      const request = {
        id: String(req.headers['webhook-id']),
        timestamp: String(req.headers['webhook-timestamp']),
        signature: String(req.headers['webhook-signature']),
        headers: req.headers,
        body,
      };
      const n = received.length;
      received.push(request);
      const status = await answer(request, n);
      if (!res.destroyed)
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? 'nope' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer(fn) {
      answer = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
