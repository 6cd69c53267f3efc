import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { startSimulator } from '../src/simulator/index.js';

const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

/** `NAME="value"` lines of a dotenv file. */
function dotenv(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_-]*)="(.*)"$/.exec(line.trim());
    if (match?.[1] !== undefined) vars.set(match[1], match[2] ?? '');
  }
  return vars;
}

describe('.env.example for npm run local-action', () => {
  const vars = dotenv(read('.env.example'));
  const inputs = Object.keys(
    (parse(read('action.yml')) as { inputs: Record<string, unknown> }).inputs,
  );

  it('names only inputs action.yml declares, spelled as the runner spells them', () => {
    const given = [...vars.keys()].filter((name) => name.startsWith('INPUT_'));
    expect(given.length).toBeGreaterThan(0);
    for (const name of given) {
      expect(inputs.map((i) => `INPUT_${i.toUpperCase()}`)).toContain(name);
    }
  });

  it('points at the simulator README gives (demo scenario, port 4010) and only reports', () => {
    expect(vars.get('INPUT_BASE-URL')).toBe('http://127.0.0.1:4010');
    expect(vars.get('INPUT_API-KEY')).toMatch(/^sim_/);
    expect(vars.get('INPUT_CREATE-ISSUE')).toBe('false');
    expect(vars.get('GITHUB_STEP_SUMMARY')).toBeTruthy();
    expect(vars.has('GITHUB_REPOSITORY')).toBe(false);
  });

  it('holds the key `npm run simulator -- --scenario demo` prints (seed 1)', async () => {
    const sim = await startSimulator({ scenario: 'demo' });
    await sim.stop();
    expect(vars.get('INPUT_API-KEY')).toBe(sim.apiKey);
  });

  it('.env itself is never committed', () => {
    expect(read('.gitignore').split('\n')).toContain('.env');
  });
});
