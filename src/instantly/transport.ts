import { request, type Dispatcher } from 'undici';
import { createProxyDispatcher } from '../net/proxy.js';
import type { HttpMethod } from './api.js';

/**
 * The only layer that touches the network and the only place that holds the API key: it adds
 * the headers every Instantly request needs and returns the raw status, headers and text.
 * Classifying, retrying and redacting are the layers above.
 */
export interface TransportOptions {
  apiKey: string;
  userAgent: string;
  workspaceId?: string | undefined;
  /**
   * MockAgent in tests; by default a keep-alive agent owned (and closed) by the transport that
   * honours HTTP(S)_PROXY / NO_PROXY (src/net/proxy.ts).
   */
  dispatcher?: Dispatcher | undefined;
  maxConnections?: number | undefined;
  /** Bytes of body read at most per response; default `DEFAULT_MAX_RESPONSE_BYTES`. */
  maxResponseBytes?: number | undefined;
}

/**
 * The largest answer Instantly gives the check (a page of 100 campaigns with their sequences)
 * is well under 1 MB; 8 MB leaves room for long copy and stops a runaway body (a 3 GB answer
 * took a runner to 8.4 GB) long before memory does.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** The body passed the cap: reading stopped there and the connection was dropped. */
export class ResponseTooLarge extends Error {
  constructor(
    readonly limitBytes: number,
    readonly status: number,
    readonly declaredBytes?: number,
  ) {
    super(
      `the response body is larger than the ${formatBytes(limitBytes)} cap` +
        (declaredBytes !== undefined ? ` (Content-Length ${formatBytes(declaredBytes)})` : '') +
        '; stopped reading it',
    );
    this.name = 'ResponseTooLarge';
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

export interface TransportRequest {
  method: HttpMethod;
  url: string;
  /** Sent as JSON when defined. */
  body?: unknown;
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  text: string;
}

export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes the connections of a default Agent; an injected dispatcher is the caller's to close. */
  close(): Promise<void>;
}

export function createTransport(options: TransportOptions): Transport {
  const owned = options.dispatcher
    ? undefined
    : createProxyDispatcher({ connections: options.maxConnections ?? null });
  const dispatcher: Dispatcher = options.dispatcher ?? (owned as Dispatcher);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // The key lives in this closure only: never on an object that could be logged or inspected.
  const authorization = `Bearer ${options.apiKey}`;
  const baseHeaders: Record<string, string> = {
    authorization,
    'user-agent': options.userAgent,
    accept: 'application/json',
  };
  if (options.workspaceId !== undefined && options.workspaceId !== '') {
    baseHeaders['x-as-workspace'] = options.workspaceId;
  }

  return {
    async send({ method, url, body, signal }) {
      const headers = { ...baseHeaders };
      let payload: string | undefined;
      if (body !== undefined) {
        payload = JSON.stringify(body);
        headers['content-type'] = 'application/json';
      }
      const response = await request(url, {
        method,
        headers,
        body: payload ?? null,
        signal,
        dispatcher,
      });
      const text = await readCapped(response, maxBytes);
      return { status: response.statusCode, headers: response.headers, text };
    },
    async close() {
      await owned?.close();
    },
  };
}

/**
 * Reads the body as it streams in and stops at `maxBytes`: a body is never held whole before
 * its size is known, so memory stays bounded by the cap whatever the server sends.
 */
async function readCapped(response: Dispatcher.ResponseData, maxBytes: number): Promise<string> {
  const declared = Number([response.headers['content-length']].flat()[0]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    throw new ResponseTooLarge(maxBytes, response.statusCode, declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      response.body.destroy();
      throw new ResponseTooLarge(maxBytes, response.statusCode);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
