import { describe, expect, it } from '@jest/globals';
import { describeError, errorFacts, scopeFor, scopeRemediation } from '../../src/checks/scopes.js';
import { unknownFromError } from '../../src/checks/unknown.js';
import { InstantlyError } from '../../src/instantly/errors.js';
import { z } from 'zod';
import { classifyResponse, readScopeGap } from '../../src/instantly/classify.js';

describe('scopes', () => {
  it('maps each endpoint the checks use to its scope group, hyphens and all', () => {
    expect(scopeFor('GET /webhook-events').group).toBe('webhook_events');
    expect(scopeFor('GET /workspace-billing/plan-details').group).toBe('workspace_billing');
    expect(scopeFor('POST /accounts/test/vitals')).toEqual({ group: 'accounts', documented: true });
    expect(scopeFor('GET /webhooks')).toEqual({ group: 'webhooks', documented: false });
  });

  it('says when Instantly does not document an endpoint’s scope', () => {
    expect(scopeRemediation('GET /webhooks')).toContain('does not document');
    expect(scopeRemediation('GET /accounts')).not.toContain('does not document');
  });
});

describe('reading the client’s errors', () => {
  it('takes kind, status, endpoint and the retries spent from an InstantlyError', () => {
    const err = new InstantlyError({
      kind: 'server',
      endpoint: 'GET /campaigns',
      detail: 'HTTP 503',
      status: 503,
      attempts: 4,
    });
    const facts = errorFacts(err);
    expect(facts).toMatchObject({
      kind: 'server',
      status: 503,
      endpoint: 'GET /campaigns',
      retries: 3,
    });
    expect(describeError(facts)).toBe('Instantly answered 503 after 3 retries (GET /campaigns)');
  });

  it('turns a 403 into an unknown finding that names the scope to add', () => {
    const f = unknownFromError(
      new InstantlyError({
        kind: 'scope',
        endpoint: 'GET /webhook-events',
        detail: 'HTTP 403',
        status: 403,
      }),
      {
        check: 'webhook.failure-rate',
        suite: 'webhooks',
        resource: { type: 'suite', id: 'webhooks' },
        what: 'Webhook delivery failure rate',
      },
    );
    expect(f).toMatchObject({ severity: 'unknown', evidence: { cause: 'scope', status: 403 } });
    expect(f.remediation).toContain('`webhook_events:read`');
  });

  it('does not blame a scope for a CDN block (HTML 403)', () => {
    const f = unknownFromError(
      new InstantlyError({
        kind: 'cdn-blocked',
        endpoint: 'GET /accounts',
        detail: "blocked by Instantly's CDN (HTML 403); check User-Agent / network",
        status: 403,
      }),
      {
        check: 'suite.scope',
        suite: 'accounts',
        resource: { type: 'suite', id: 'accounts' },
        what: 'x',
      },
    );
    expect(f.remediation).toContain('CDN');
    expect(f.remediation).not.toContain('accounts:read');
  });
});

describe('a 401 "Invalid scope." is a missing scope, not a bad key', () => {
  const answer = (status: number, message: string) =>
    classifyResponse(
      {
        status,
        headers: { 'content-type': 'application/json' },
        text: JSON.stringify({ statusCode: status, error: 'Unauthorized', message }),
      },
      z.unknown(),
      { nowMs: 0, redact: (s) => s },
    );

  it('classifies the real answer as kind scope, with the required scope and the key’s scopes', () => {
    // The body of test/fixtures/real/scope_errors__401_invalid_scope.json.
    const attempt = answer(
      401,
      'Invalid scope. Required: accounts:read. Found: campaigns:all, leads:all',
    );
    expect(attempt).toMatchObject({ ok: false, failure: { kind: 'scope', status: 401 } });
    expect(readScopeGap(401, 'Invalid scope. Required: workspaces:read')).toEqual({
      required: 'workspaces:read',
    });
    expect(answer(401, 'Invalid API key')).toMatchObject({ failure: { kind: 'auth' } });
  });

  it('names the scope and what the key has in the unknown finding', () => {
    const f = unknownFromError(
      new InstantlyError({
        kind: 'scope',
        endpoint: 'GET /accounts',
        detail: 'HTTP 401',
        status: 401,
        apiError: {
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Invalid scope. Required: accounts:read. Found: campaigns:all, leads:all',
        },
      }),
      {
        check: 'suite.scope',
        suite: 'accounts',
        resource: { type: 'suite', id: 'accounts' },
        what: 'The accounts checks',
      },
    );
    expect(f.message).toBe(
      'The accounts checks could not be checked: the API key lacks the `accounts:read` scope for GET /accounts (401; the key has `campaigns:all`, `leads:all`).',
    );
    expect(f.remediation).toContain('Give the API key the `accounts:read` scope');
    expect(f.evidence).toMatchObject({ granted_scopes: ['campaigns:all', 'leads:all'] });
  });

  it('reads anything but the client’s error as an internal error, not by its shape', () => {
    const facts = errorFacts(Object.assign(new Error('forbidden'), { kind: 'scope', status: 403 }));
    expect(facts.kind).toBe('unexpected');
  });
});
