import { Dispatcher } from 'undici';
import {
  describeRequest,
  parseSentBody,
  requestKey,
  splitRequestPath,
  type Exchange,
} from './exchange.js';
import { pathTemplate } from './path-template.js';

/**
 * Answers every request from a recording, with no network: the client and the checks cannot
 * tell it from Instantly. Requests match on method, path, query and body (a pagination cursor
 * is part of the query, so each page finds its own answer); the same request asked twice gets
 * the recorded answers in order (a 429 then its retry's 200).
 *
 * A request the recording does not hold fails like a dropped connection, and is kept in
 * `missing`, so the replay command can stop with a message naming it rather than report
 * whatever the checks made of the error.
 */
export class ReplayDispatcher extends Dispatcher {
  readonly #answers = new Map<string, Exchange[]>();
  readonly #missing = new Set<string>();

  constructor(exchanges: readonly Exchange[]) {
    super();
    for (const e of exchanges) {
      const key = requestKey(e.method, e.path, e.query, e.body);
      this.#answers.set(key, [...(this.#answers.get(key) ?? []), e]);
    }
  }

  /** Requests that found no answer, described for the user. */
  get missing(): readonly string[] {
    // A set: the client's retries of one missing request are one missing request.
    return [...this.#missing];
  }

  override dispatch(
    opts: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    const method = String(opts.method).toUpperCase();
    const { path, query } = splitRequestPath(opts.path);
    const body = parseSentBody(opts.body);
    const queue = this.#answers.get(requestKey(method, path, query, body));
    const exchange = queue?.shift();

    let aborted = false;
    const isAborted = () => aborted;
    const controller: Dispatcher.DispatchController = {
      get aborted() {
        return aborted;
      },
      paused: false,
      reason: null,
      abort(reason: Error) {
        if (aborted) return;
        aborted = true;
        handler.onResponseError?.(controller, reason);
      },
      pause() {},
      resume() {},
    };
    handler.onRequestStart?.(controller, {});
    // Answer on a later tick, as a socket would: the caller has finished setting up.
    setImmediate(() => {
      if (aborted) return;
      if (exchange === undefined) {
        const described = describeRequest({
          method,
          template: pathTemplate(path),
          path,
          query,
          body,
        });
        this.#missing.add(described);
        handler.onResponseError?.(controller, new RequestNotRecorded(described));
        return;
      }
      const { response } = exchange;
      if ('error' in response) {
        const error = new Error(response.error.message) as Error & { code?: string };
        if (response.error.code) error.code = response.error.code;
        handler.onResponseError?.(controller, error);
        return;
      }
      handler.onResponseStart?.(controller, response.status, { ...response.headers }, '');
      // The handler may abort from inside a callback (a body over its size limit).
      if (isAborted()) return;
      handler.onResponseData?.(controller, Buffer.from(response.body, 'utf8'));
      if (isAborted()) return;
      handler.onResponseEnd?.(controller, {});
    });
    return true;
  }

  override close(): Promise<void> {
    return Promise.resolve();
  }

  override destroy(): Promise<void> {
    return Promise.resolve();
  }
}

export class RequestNotRecorded extends Error {
  readonly code = 'ERR_NOT_RECORDED';
  constructor(request: string) {
    super(`the recording holds no answer for ${request}`);
    this.name = 'RequestNotRecorded';
  }
}
