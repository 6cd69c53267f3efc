import { Dispatcher } from 'undici';
import { keepHeader, parseSentBody, splitRequestPath, type Exchange } from './exchange.js';
import { pathTemplate } from './path-template.js';

/**
 * Wraps the real dispatcher and keeps every request and its answer, in the order they were sent.
 * The client cannot tell it is there: the answer passes through untouched. What it keeps is
 * still raw (key and emails included) and lives only in memory: `writeRecording` redacts it
 * before anything reaches the disk.
 */
export class RecordingDispatcher extends Dispatcher {
  readonly #inner: Dispatcher;
  readonly #exchanges: Exchange[] = [];

  constructor(inner: Dispatcher) {
    super();
    this.#inner = inner;
  }

  /** Raw, unredacted: hand it to `writeRecording` only. */
  get exchanges(): readonly Exchange[] {
    return this.#exchanges;
  }

  override dispatch(
    opts: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    const { path, query } = splitRequestPath(opts.path);
    const exchange: Omit<Exchange, 'response'> = {
      seq: this.#exchanges.length,
      method: String(opts.method).toUpperCase(),
      template: pathTemplate(path),
      path,
      query,
      body: parseSentBody(opts.body),
    };
    const workspace = headerOf(opts.headers, 'x-as-workspace');
    if (workspace !== undefined) exchange.workspace = workspace;
    // Reserved now so the order is the order of sending, not of answering.
    const index = this.#exchanges.length;
    this.#exchanges.push({ ...exchange, response: { error: { message: 'no answer yet' } } });
    const settle = (response: Exchange['response']) => {
      this.#exchanges[index] = { ...exchange, response };
    };

    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    const wrapped: Dispatcher.DispatchHandler = {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, statusCode, h, socket) =>
        handler.onRequestUpgrade?.(controller, statusCode, h, socket),
      onResponseStart: (controller, statusCode, h, statusMessage) => {
        status = statusCode;
        headers = keptHeaders(h);
        return handler.onResponseStart?.(controller, statusCode, h, statusMessage);
      },
      onResponseData: (controller, chunk) => {
        chunks.push(Buffer.from(chunk));
        return handler.onResponseData?.(controller, chunk);
      },
      onResponseEnd: (controller, trailers) => {
        settle({ status, headers, body: Buffer.concat(chunks).toString('utf8') });
        return handler.onResponseEnd?.(controller, trailers);
      },
      onResponseError: (controller, error) => {
        const code = (error as { code?: unknown }).code;
        settle({
          error: { ...(typeof code === 'string' ? { code } : {}), message: error.message },
        });
        return handler.onResponseError?.(controller, error);
      },
    };
    return this.#inner.dispatch(opts, wrapped);
  }

  override close(): Promise<void> {
    return this.#inner.close();
  }

  override destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

function headerOf(
  headers: Dispatcher.DispatchOptions['headers'],
  name: string,
): string | undefined {
  if (!headers) return undefined;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
    }
    return undefined;
  }
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}

function keptHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !keepHeader(name)) continue;
    kept[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
