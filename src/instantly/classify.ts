import type { z } from 'zod';
import type { ErrorKind } from './api.js';
import { kindForStatus, type ApiErrorBody } from './errors.js';
import { cutUrls, type Redactor } from './redact.js';
import {
  boundDecoded,
  describeNonJson,
  describeSchemaMismatch,
  errorIn200,
  looksLikeHtml,
  parseBody,
  readApiError,
} from './response-body.js';
import { parseRetryAfter } from './retry-after.js';
import type { AttemptOutcome } from './retry-policy.js';
import { ResponseTooLarge, type TransportResponse } from './transport.js';

/**
 * What one attempt came to, as data: the parsed value, or a failure with its kind, a short
 * redacted description and what the retry policy needs (outcome, Retry-After). Pure: the client
 * decides what to do with it.
 */

const HINTS: Partial<Record<ErrorKind, string>> = {
  auth: 'check the API key (an API v1 key does not work with v2; a revoked key gives 401)',
  plan: 'the workspace has no active paid plan',
  scope: 'the API key lacks the scope for this endpoint (all:read covers every read)',
};

/** Why one attempt failed, before it is known whether it is the last. */
export interface Failure {
  kind: ErrorKind;
  detail: string;
  outcome: AttemptOutcome;
  status?: number;
  apiError?: ApiErrorBody;
  retryAfterMs?: number;
  cause?: Error;
  /** What to do about it; only for answers from the API itself, not from a CDN page. */
  hint?: string;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export function sanitizeCause(error: unknown, redact: Redactor): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redact(source.message).slice(0, 300));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}

function describeHttpError(status: number, apiError: ApiErrorBody | undefined): string {
  if (!apiError) return `HTTP ${status} with a JSON body that has no error message`;
  const label =
    apiError.error !== '' && apiError.error !== apiError.message ? `${apiError.error}: ` : '';
  return `HTTP ${status} ${label}${apiError.message}`.trimEnd();
}

/** A transport error (no HTTP answer): a per-request timeout, or a network failure. */
export function classifyTransportError(
  error: unknown,
  context: { timedOut: boolean; requestTimeoutMs: number; redact: Redactor },
): Failure {
  if (context.timedOut) {
    return {
      kind: 'timeout',
      outcome: { type: 'request-timeout' },
      detail: `no complete response within ${context.requestTimeoutMs / 1000} s`,
    };
  }
  if (error instanceof ResponseTooLarge) {
    // Never retried: the next attempt would send the same body.
    return {
      kind: 'too-large',
      outcome: { type: 'too-large' },
      status: error.status,
      detail: `HTTP ${error.status}: ${error.message}`,
    };
  }
  const cause = sanitizeCause(error, context.redact);
  const code = (cause as { code?: string }).code;
  return {
    kind: 'network',
    outcome: { type: 'network', code },
    detail: `network error${code ? ` ${code}` : ''}: ${cause.message.slice(0, 160)}`,
    cause,
  };
}

/** Keys whose string is an address the checks match on and show only through `displayUrl`. */
const ADDRESS_KEY = /(^|_)url$/i;

export function classifyResponse(
  response: TransportResponse,
  schema: z.ZodType,
  context: {
    nowMs: number;
    redact: Redactor;
    /**
     * Applied to every decoded string of a JSON body (after JSON.parse: an escape such as
     * `\u0073` can spell a secret the raw text did not show). Default: `redact`.
     */
    maskDecoded?: Redactor;
  },
): Attempt<unknown> {
  const { redact } = context;
  const mask = context.maskDecoded ?? redact;
  const { status, headers, text } = response;
  const contentType = [headers['content-type']].flat()[0];
  const raw =
    text.trim() === '' ? ({ json: true, value: undefined } as const) : parseBody(text, contentType);
  // Decoded strings differ from the raw text only where the JSON had an escape.
  const escaped = text.includes('\\');
  const body = raw.json
    ? {
        json: true as const,
        value: boundDecoded(raw.value, (s, key) => {
          const masked = escaped ? mask(s) : s;
          return key !== undefined && ADDRESS_KEY.test(key) ? masked : cutUrls(masked);
        }),
      }
    : raw;

  if (status >= 200 && status < 300) {
    const outcome: AttemptOutcome = { type: 'status', status };
    if (!body.json) {
      return {
        ok: false,
        failure: {
          kind: 'schema',
          status,
          outcome,
          detail: redact(`expected JSON, got ${describeNonJson(status, body.text, contentType)}`),
        },
      };
    }
    const parsed = schema.safeParse(body.value);
    const embedded = errorIn200(body.value, schema, parsed.success);
    if (embedded !== undefined) {
      const apiError = readApiError(status, body.value);
      return {
        ok: false,
        failure: {
          kind: 'error-in-200',
          status,
          outcome,
          detail: redact(`HTTP ${status} with an error body: ${embedded.slice(0, 160)}`),
          ...(apiError ? { apiError: redactApiError(apiError, redact) } : {}),
        },
      };
    }
    if (!parsed.success) {
      return {
        ok: false,
        failure: {
          kind: 'schema',
          status,
          outcome,
          detail: redact(
            `the response did not match the expected shape: ${describeSchemaMismatch(parsed.error)}`,
          ),
        },
      };
    }
    return { ok: true, value: parsed.data };
  }

  const apiError = body.json ? readApiError(status, body.value) : undefined;
  const detail = body.json
    ? describeHttpError(status, apiError)
    : describeNonJson(status, body.text, contentType);
  const retryAfterMs = parseRetryAfter(headers['retry-after'], context.nowMs);
  // A 403 page from the CDN is not Instantly's answer about scopes: its own kind, set here once.
  const kind =
    status === 403 && !body.json && looksLikeHtml(body.text, contentType)
      ? 'cdn-blocked'
      : readScopeGap(status, apiError?.message)
        ? 'scope'
        : kindForStatus(status);
  const hint = body.json ? HINTS[kind] : undefined;
  return {
    ok: false,
    failure: {
      kind,
      status,
      outcome: { type: 'status', status },
      ...(hint ? { hint } : {}),
      detail: redact(detail),
      ...(apiError ? { apiError: redactApiError(apiError, redact) } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
  };
}

/** A valid key that lacks one scope, as Instantly words it: "Invalid scope. Required: X. Found: a, b". */
export interface ScopeGap {
  /** The scope the endpoint needs, e.g. `accounts:read`. */
  required?: string;
  /** The scopes the key has, when Instantly listed them. */
  granted?: string[];
}

/**
 * Instantly answers a missing scope with 401 (not the documented 403) and the message
 * `Invalid scope. Required: accounts:read. Found: campaigns:all, leads:all` (docs/instantly-api.md,
 * "Auth and scopes"). Such a 401 is a valid key without that scope, never a bad key.
 */
export function readScopeGap(status: number, message: string | undefined): ScopeGap | undefined {
  if ((status !== 401 && status !== 403) || message === undefined) return undefined;
  if (!/^\s*Invalid scope\./i.test(message)) return undefined;
  const required = /Required:\s*([\w:-]+)/i.exec(message)?.[1];
  const found = /Found:\s*([^.]*)/i.exec(message)?.[1];
  const granted = found
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    ...(required ? { required } : {}),
    ...(granted && granted.length > 0 ? { granted } : {}),
  };
}

function redactApiError(apiError: ApiErrorBody, redact: Redactor): ApiErrorBody {
  return {
    statusCode: apiError.statusCode,
    error: redact(apiError.error),
    message: redact(apiError.message),
  };
}
