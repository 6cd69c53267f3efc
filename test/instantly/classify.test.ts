import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { classifyResponse, classifyTransportError } from '../../src/instantly/classify.js';
import { createRedactor } from '../../src/instantly/redact.js';

const context = { nowMs: 0, redact: createRedactor(['sekrit-key']) };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  text: JSON.stringify(body),
});

describe('classifying one attempt (pure)', () => {
  it('passes the parsed value through on a 2xx that matches', () => {
    expect(classifyResponse(json(200, { id: 'a' }), z.object({ id: z.string() }), context)).toEqual(
      {
        ok: true,
        value: { id: 'a' },
      },
    );
  });

  it('hands the retry policy the status and the Retry-After of a failure', () => {
    const result = classifyResponse(
      json(503, { message: 'busy' }, { 'retry-after': '3' }),
      z.unknown(),
      context,
    );
    expect(result).toMatchObject({
      ok: false,
      failure: {
        kind: 'server',
        status: 503,
        outcome: { type: 'status', status: 503 },
        retryAfterMs: 3000,
      },
    });
  });

  it('treats an empty 204 as no value', () => {
    expect(
      classifyResponse({ status: 204, headers: {}, text: '' }, z.undefined(), context),
    ).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('tells a per-request timeout from a network error, and keeps only a masked copy of the cause', () => {
    const error = Object.assign(new Error('reset while sending sekrit-key'), {
      code: 'ECONNRESET',
    });
    const network = classifyTransportError(error, {
      timedOut: false,
      requestTimeoutMs: 1000,
      redact: context.redact,
    });
    expect(network).toMatchObject({ kind: 'network', outcome: { type: 'network' } });
    expect(network.cause).not.toBe(error);
    expect(network.cause?.message).toBe('reset while sending [REDACTED]');
    expect(network.cause).toMatchObject({ code: 'ECONNRESET' });
    const timeout = classifyTransportError(error, {
      timedOut: true,
      requestTimeoutMs: 1000,
      redact: context.redact,
    });
    expect(timeout).toMatchObject({ kind: 'timeout', outcome: { type: 'request-timeout' } });
  });
});
