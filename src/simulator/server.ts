/**
 * The HTTP layer: node:http on 127.0.0.1. Order of decisions for each request, as a real
 * deployment would take them: injected fault (infrastructure) → route (404) → key (401) →
 * workspace rate limit (429) → paid plan (402) → scope (401 "Invalid scope.", as the live API
 * answers) → x-as-workspace (403) → handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasScope, invalidScopeMessage, type KeyStore, resolveWorkspace } from './auth.js';
import { CLOUDFLARE_403_HTML, envelope, MESSAGES, type Reply } from './errors.js';
import { applyDrift, type Fault, type FaultSet } from './faults.js';
import type { RateLimiter } from './rate-limit.js';
import { matchRoute } from './routes.js';

export interface LoggedRequest {
  method: string;
  /** The full path, e.g. /api/v2/campaigns. */
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  /** Clock time the request arrived, in ms. */
  time: number;
  /** 0 when no response was sent (a hang or a connection reset). */
  status: number;
  headers?: Record<string, string | string[] | undefined>;
  /** The server's own time to answer, excluding injected latency. */
  durationMs?: number;
}

export interface ServerDeps {
  keys: KeyStore;
  faults: FaultSet;
  limiter: RateLimiter | undefined;
  clock: () => number;
  /** The simulated "now" for data (dates relative to it). */
  nowMs: () => number;
  latency: () => number;
  random: () => number;
  log: LoggedRequest[];
  counters: { requests: number; rateLimited: number };
}

const API_PREFIX = '/api/v2';
const MAX_BODY = 1_000_000;

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

/** Unref'd: a pending injected delay must not keep a stopped simulator's process alive. */
const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms).unref()) : Promise.resolve();

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createSimulatorServer(deps: ServerDeps): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    let body: unknown = undefined;
    let bodyError = false;
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        bodyError = true;
        body = rawBody;
      }
    }
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      body,
      time: deps.clock(),
      status: 0,
      headers: { ...req.headers },
    };
    deps.log.push(entry);
    deps.counters.requests++;

    let extraLatency = 0;
    const send = async (
      reply:
        | Reply
        | { status: number; raw: string; contentType: string; headers?: Record<string, string> },
    ): Promise<void> => {
      entry.durationMs = performance.now() - started;
      await sleep(deps.latency() + extraLatency);
      if (res.destroyed) return;
      entry.status = reply.status;
      if (reply.status === 429) deps.counters.rateLimited++;
      const text = 'raw' in reply ? reply.raw : JSON.stringify(reply.body);
      const contentType = 'raw' in reply ? reply.contentType : 'application/json; charset=utf-8';
      res.writeHead(reply.status, {
        'content-type': contentType,
        'content-length': Buffer.byteLength(text),
        ...reply.headers,
      });
      res.end(text);
    };

    const relative = url.pathname.startsWith(API_PREFIX)
      ? url.pathname.slice(API_PREFIX.length) || '/'
      : undefined;
    const fault: Fault | undefined =
      relative === undefined ? undefined : deps.faults.take(method, relative);
    if (fault) {
      switch (fault.kind) {
        case 'rate-limited': {
          const headers: Record<string, string> = {};
          if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
          await send({ ...envelope(429, MESSAGES.rateLimited), headers });
          return;
        }
        case 'server-error': {
          const status = fault.status ?? 500;
          await send(
            envelope(status, status === 500 ? 'Internal server error' : 'Upstream unavailable'),
          );
          return;
        }
        case 'hang':
          // Never answer; stop() closes the connection.
          entry.durationMs = performance.now() - started;
          return;
        case 'reset':
          entry.durationMs = performance.now() - started;
          req.socket.destroy();
          return;
        case 'malformed-json':
          await send({
            status: 200,
            raw: '{"items": [{"id": "0199',
            contentType: 'application/json; charset=utf-8',
          });
          return;
        case 'html-403':
          await send({
            status: 403,
            raw: CLOUDFLARE_403_HTML,
            contentType: 'text/html; charset=UTF-8',
          });
          return;
        case 'echo-key': {
          const echoed = header(req, 'authorization') ?? '';
          const bare = echoed.replace(/^bearer\s+/i, '');
          const status = fault.status ?? 400;
          const headers = {
            'x-echo-authorization': echoed,
            'www-authenticate': `Bearer error="invalid_token", token="${bare}"`,
          };
          // The bare key (no "Bearer" before it) past a long prefix: a client that truncates
          // an error message before masking it would leak the key's first characters.
          const pad = 'ACC_AUTH_ERROR '.padEnd(130, '.');
          await send(
            status === 200
              ? { status, body: { error: `${pad} ${bare}` }, headers }
              : {
                  ...envelope(status, `${pad} invalid API key ${bare} (sent as: ${echoed})`),
                  headers,
                },
          );
          return;
        }
        case 'error-in-200':
          await send({ status: 200, body: { error: fault.error ?? 'ACC_AUTH_ERROR' } });
          return;
        case 'latency':
          extraLatency =
            typeof fault.ms === 'number'
              ? fault.ms
              : fault.ms[0] + deps.random() * (fault.ms[1] - fault.ms[0]);
          break;
        case 'drift':
          break;
      }
    }

    const matched = relative === undefined ? undefined : matchRoute(method, relative);
    if (!matched) {
      await send(envelope(404, `Route ${method}:${url.pathname} not found`));
      return;
    }
    const auth = deps.keys.authenticate(header(req, 'authorization'));
    if (!auth.ok) {
      await send(envelope(401, auth.message));
      return;
    }
    const { key } = auth;
    if (deps.limiter) {
      // The limit is workspace-wide, shared by every key of the workspace.
      const decision = deps.limiter.take(key.workspace.workspace.id);
      if (!decision.allowed) {
        await send(envelope(429, MESSAGES.rateLimited));
        return;
      }
    }
    if (!key.workspace.paid) {
      await send(envelope(402, MESSAGES.noPlan));
      return;
    }
    if (!hasScope(key, matched.route.scope)) {
      // Instantly documents 403 here, but the live API answers 401 "Invalid scope. Required: …
      // Found: …" (docs/instantly-api.md, "Auth and scopes"; test/fixtures/real/scope_errors__*).
      await send(envelope(401, invalidScopeMessage(matched.route.scope, key.scopes)));
      return;
    }
    const target = resolveWorkspace(key, header(req, 'x-as-workspace'));
    if (!target.ok) {
      await send(envelope(403, target.message));
      return;
    }
    if (!target.workspace.paid) {
      await send(envelope(402, MESSAGES.noPlan));
      return;
    }
    if (bodyError) {
      await send(envelope(400, 'Body is not valid JSON'));
      return;
    }
    let reply = matched.route.handle({
      data: target.workspace,
      params: matched.params,
      query: url.searchParams,
      body,
      nowMs: deps.nowMs(),
    });
    if (fault?.kind === 'drift' && reply.status === 200 && relative !== undefined) {
      reply = { ...reply, body: applyDrift(reply.body, fault, relative) };
    }
    await send(reply);
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        const text = JSON.stringify({
          statusCode: 500,
          error: 'Internal Server Error',
          message: String(error),
        });
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(text);
      }
    });
  });
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
