import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { cutUrls } from '../../src/instantly/redact.js';
import { TOO_DEEP, describeNonJson } from '../../src/instantly/response-body.js';
import { KEY, anything, mockInstantly, testClient } from './helpers.js';

/**
 * What the client hands the checks is already safe to store and render: the key masked in every
 * decoded string, URLs in API text cut to scheme and host, nesting bounded, and error pages read
 * in linear time (issue 15, "secrets and text" and "bounded work").
 */

function answer(text: string, status = 200) {
  const { agent } = mockInstantly(() => ({
    status,
    text,
    headers: { 'content-type': 'application/json' },
  }));
  return testClient(agent, { retry: { maxRetries: 0 } }).client;
}

/** Every character as a JSON \uXXXX escape: the raw text never shows the key. */
const escapeAll = (s: string) =>
  Array.from(s, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

describe('decoded strings', () => {
  it('masks a key echoed JSON-escaped inside a 200 body', async () => {
    const text = `{"items":[{"name":"echo ${escapeAll(KEY)} here","nested":{"note":"${escapeAll(KEY)}"}}]}`;
    expect(text).not.toContain(KEY);
    const value = await answer(text).get('/campaigns', { schema: anything });
    const seen = JSON.stringify(value);
    expect(seen).not.toContain(KEY);
    expect(seen).toContain('echo [REDACTED] here');
  });

  it("masks the run's other secrets (the GitHub token) the same way", async () => {
    const token = 'ghs_CanaryToken0123456789abcdef';
    const { agent } = mockInstantly(() => ({
      status: 200,
      text: `{"name":"${escapeAll(token)}","raw":"${token}"}`,
      headers: { 'content-type': 'application/json' },
    }));
    const { client } = testClient(agent, { maskAlso: [token] });
    const seen = JSON.stringify(await client.get('/x', { schema: anything }));
    expect(seen).not.toContain(token);
    expect(seen).toBe('{"name":"[REDACTED]","raw":"[REDACTED]"}');
  });

  it('cuts a URL with a token inside a delivery error to scheme and host', async () => {
    const hook = 'https://hooks.slack.com/services/T000/B000/s3cretT0ken?sig=abc123';
    const text = JSON.stringify({
      items: [{ target_hook_url: hook, error_message: `POST ${hook} answered 404` }],
    });
    const value = (await answer(text).get('/webhook-events', { schema: anything })) as {
      items: { target_hook_url: string; error_message: string }[];
    };
    expect(value.items[0]?.error_message).toBe('POST https://hooks.slack.com/… answered 404');
    // The webhook's own address stays whole: the checks match on it and show it cut themselves.
    expect(value.items[0]?.target_hook_url).toBe(hook);
  });

  it('cuts URLs in error messages too', async () => {
    const client = answer(
      JSON.stringify({ statusCode: 400, error: 'Bad', message: 'see https://x.io/a?token=t0k' }),
      400,
    );
    const error = (await client.get('/x', { schema: anything }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('see https://x.io/…');
    expect(error.message).not.toContain('t0k');
  });

  it('keeps user:password and paths out, and leaves text without URLs alone', () => {
    expect(cutUrls('at https://user:pw@example.com/path/tok?x=1, then ftp://h.io')).toBe(
      'at https://example.com/…, then ftp://h.io',
    );
    expect(cutUrls('no address here: a://')).toBe('no address here: a://');
  });
});

describe('nesting', () => {
  it('bounds 200,000-deep JSON in status_message so the value can still be serialised', async () => {
    const depth = 200_000;
    const text = `{"items":[{"email":"a@x.com","status_message":${'{"e":'.repeat(depth)}1${'}'.repeat(depth)}}]}`;
    const value = await answer(text).get('/accounts', {
      schema: z.object({
        items: z.array(z.looseObject({ email: z.string(), status_message: z.unknown() })),
      }),
    });
    const json = JSON.stringify(value);
    expect(json).toContain(TOO_DEEP);
    expect(json).toContain('"email":"a@x.com"');
    expect(json.length).toBeLessThan(2_000);
  });
});

describe('HTML error pages', () => {
  it('reads the title of a 1.2 MB page of unclosed <title tags in linear time', () => {
    // The lazy-regex extraction took 155 s on such a page; jest's timeout would fail this test.
    const page = `<html><head>${'<title'.repeat(200_000)}</head></html>`;
    expect(page.length).toBeGreaterThan(1_200_000);
    expect(describeNonJson(502, page, 'text/html')).toMatch(
      /^HTML error page instead of JSON \(502/,
    );
  });

  it('still shows an ordinary page title', () => {
    expect(
      describeNonJson(
        502,
        '<!doctype html><html><head><title>502 Bad\n Gateway</title>',
        undefined,
      ),
    ).toBe('HTML error page instead of JSON (502: 502 Bad Gateway)');
  });
});
