import { afterEach, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

/** The simulator's `echo-key` fault, which the secrets tests rely on to be hostile. */
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
});

describe('echo-key fault', () => {
  it('echoes the Authorization header in the error message and in headers', async () => {
    sim = await startSimulator({ faults: [{ kind: 'echo-key', path: '/webhooks', status: 500 }] });
    const res = await fetch(`${sim.url}/api/v2/webhooks`, {
      headers: { authorization: `Bearer ${sim.apiKey}` },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-echo-authorization')).toBe(`Bearer ${sim.apiKey}`);
    expect(res.headers.get('www-authenticate')).toContain(sim.apiKey);
    const body = (await res.json()) as { message: string };
    expect(body.message).toContain(sim.apiKey);
  });

  it('puts it in a 200 error body when asked', async () => {
    sim = await startSimulator({ faults: [{ kind: 'echo-key', path: '/webhooks', status: 200 }] });
    const res = await fetch(`${sim.url}/api/v2/webhooks`, {
      headers: { authorization: `Bearer ${sim.apiKey}` },
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain(sim.apiKey);
  });
});
