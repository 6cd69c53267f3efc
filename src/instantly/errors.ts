import type { ErrorKind } from './api.js';

/** Instantly's error envelope, as far as the body carried one (some endpoints send only part). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export interface InstantlyErrorInit {
  kind: ErrorKind;
  /** Method and path template, e.g. `GET /campaigns/{id}`: names the endpoint, not the resource. */
  endpoint: string;
  /** What went wrong, already redacted and short. */
  detail: string;
  status?: number;
  apiError?: ApiErrorBody;
  /** HTTP attempts made, retries included. */
  attempts?: number;
  cause?: Error;
}

/**
 * The one error the client throws. Checks switch on `kind`; the report shows `message`.
 * Built only from redacted strings: it never holds the API key, a raw response or a request.
 */
export class InstantlyError extends Error {
  override readonly name = 'InstantlyError';
  readonly kind: ErrorKind;
  readonly endpoint: string;
  readonly status?: number;
  readonly apiError?: ApiErrorBody;
  readonly attempts?: number;

  constructor(init: InstantlyErrorInit) {
    super(
      `Instantly API ${init.endpoint}: ${init.detail}`,
      init.cause ? { cause: init.cause } : {},
    );
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    if (init.status !== undefined) this.status = init.status;
    if (init.apiError !== undefined) this.apiError = init.apiError;
    if (init.attempts !== undefined) this.attempts = init.attempts;
  }

  /** `JSON.stringify(error)` would otherwise drop the message, the one field a report needs. */
  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      endpoint: this.endpoint,
      message: this.message,
      status: this.status,
      apiError: this.apiError,
      attempts: this.attempts,
    };
  }
}

/** The kind an HTTP error status maps to (after any retries ran out). */
export function kindForStatus(status: number): ErrorKind {
  switch (status) {
    case 401:
      return 'auth';
    case 402:
      return 'plan';
    case 403:
      return 'scope';
    case 404:
      return 'not-found';
    case 413:
      return 'too-large';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'server' : 'bad-request';
  }
}
