import { afterEach, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createInstantlyClient } from '../../src/instantly/client.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

/**
 * The client against a server that echoes the key after a long prefix, so that a message cut
 * at 160 characters before masking would keep the key's first characters (a leak the process
 * level secrets test found). Every form of the thrown error is checked for any 12 characters
 * of the key.
 */
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
});

function fragments(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) out.push(secret.slice(i, i + 12));
  return out;
}

describe.each([200, 400, 401, 500] as const)('a %i that echoes the key', (status) => {
  it('leaves no fragment of it in the thrown error', async () => {
    sim = await startSimulator({
      faults: [{ kind: 'echo-key', path: '/webhooks', status, times: 'always' }],
    });
    const key = sim.keys.readOnly;
    const client = createInstantlyClient({
      apiKey: key,
      baseUrl: sim.url,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    const error: unknown = await client
      .get('/webhooks', { schema: z.object({ items: z.array(z.unknown()) }) })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    await client.close();
    expect(error).toBeInstanceOf(Error);
    const e = error as Error;
    const seen = [
      e.message,
      e.stack ?? '',
      JSON.stringify(e),
      e.cause instanceof Error ? e.cause.message : '',
    ].join('\n');
    // The echo reached the error (masked), so the check is not vacuous.
    expect(seen).toContain('[REDACTED]');
    expect(fragments(key).filter((f) => seen.includes(f))).toEqual([]);
  });
});
