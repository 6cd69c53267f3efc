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
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text };
    },
    async close() {
      await owned?.close();
    },
  };
}
