import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeGitHub } from '../fakes/github/server.js';

/** The fake's own checks: a violation of GitHub's API description is caught, not served. */
let gh: FakeGitHub;
beforeAll(async () => {
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'ops' });
});
afterAll(async () => {
  await gh.close();
});

async function send(method: string, path: string, body?: unknown) {
  return fetch(`${gh.url}${path}`, {
    method,
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('fake GitHub validation', () => {
  it('accepts a valid request and serves a response that matches the description', async () => {
    const res = await send('POST', '/repos/acme/ops/issues', {
      title: 'ok',
      labels: ['a'],
      assignees: ['b'],
    });
    expect(res.status).toBe(201);
    expect(gh.violations).toEqual([]);
  });

  it('records a body of the wrong shape', async () => {
    gh.violations.length = 0;
    await send('POST', '/repos/acme/ops/issues', { title: 'x', assignees: [42] });
    expect(gh.violations.join('\n')).toMatch(/issues\/create.*assignees\/0 must be string/);
  });

  it('records an invalid query parameter and an undocumented one', async () => {
    gh.violations.length = 0;
    await send('GET', '/repos/acme/ops/issues?state=everything&q=label:x');
    expect(gh.violations.join('\n')).toMatch(
      /query parameter state\/ must be equal to one of the allowed values/,
    );
    expect(gh.violations.join('\n')).toMatch(/undocumented query parameter q/);
  });

  it('records a request to an endpoint it does not serve (the search API, say)', async () => {
    gh.violations.length = 0;
    await send('GET', '/search/issues?q=x');
    expect(gh.violations.join('\n')).toMatch(/not an operation the fake serves/);
  });

  it('refuses a body longer than GitHub allows, as GitHub does', async () => {
    gh.violations.length = 0;
    const res = await send('POST', '/repos/acme/ops/issues', {
      title: 'big',
      body: 'x'.repeat(65_537),
    });
    expect(res.status).toBe(422);
    expect(gh.violations).toEqual([]);
  });
});
