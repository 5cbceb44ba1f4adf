/**
 * A local HTTP stand-in for a remote API (SIRENE, VIES): records every request (method, url, headers,
 * body) and answers with what the current handler says, including never answering at all.
 */
import http from 'http';
import type { AddressInfo } from 'net';

export interface StubRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type StubReply =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** keep the connection open without answering (client timeouts) */
  | 'hang';

export type StubHandler = (request: StubRequest) => StubReply;

export interface StubServer {
  url: string;
  requests: StubRequest[];
  /** sets how the next requests are answered */
  reply: (handler: StubHandler) => void;
  reset: () => void;
  close: () => Promise<void>;
}

export async function startStubServer(handler: StubHandler = () => ({ status: 500, json: { error: 'no handler' } })): Promise<StubServer> {
  let current = handler;
  const requests: StubRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: StubRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      const reply = current(request);
      if (reply === 'hang') return;
      const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
      const type = reply.json !== undefined ? 'application/json;charset=utf-8' : 'text/plain';
      res.writeHead(reply.status, { 'Content-Type': type, ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (next) => {
      current = next;
    },
    reset: () => {
      requests.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL on which nothing listens (connection refused): a port that was free a moment ago. */
export async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
