import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActionRun } from '../e2e/runner.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runActionFromSource, runCliFromSource, type CliRun } from './process.js';

/**
 * Bad input, end to end through real processes: the action reports `failed` (exit 1, a summary
 * that says what is wrong, outputs status=failed), the CLI exits 2, each names the file and line
 * where there is one, and not one request reaches the API.
 */

interface BadInput {
  name: string;
  /** Config file text, written to .github/instantly-health.yml. */
  config?: string;
  /** Action inputs (the CLI gets the same as flags or environment). */
  inputs?: Record<string, string>;
  /** What the message must contain. */
  says: RegExp;
  /** The line of the config file the message must point to. */
  line?: number;
}

const CASES: BadInput[] = [
  {
    name: 'invalid YAML',
    config: 'version: 1\ncampaigns:\n  include: { status: [active]\n',
    says: /invalid YAML/,
    // Where the parser notices: the end of the file, since the flow map never closes.
    line: 4,
  },
  {
    name: 'an unknown key',
    config: 'version: 1\naccounts:\n  warmup_scor: { warning: 80 }\n',
    says: /warmup_scor.*warmup_score/s,
    line: 3,
  },
  {
    name: 'a wrong type',
    config: 'version: 1\naccounts:\n  warmup_score: { warning: "high" }\n',
    says: /warmup_score\.warning/,
    line: 3,
  },
  {
    name: 'a negative threshold',
    config: 'version: 1\ncampaigns:\n  bounce_rate: { warning: -0.03 }\n',
    says: /bounce_rate\.warning/,
    line: 3,
  },
  {
    name: 'inverted thresholds',
    config: 'version: 1\ncampaigns:\n  bounce_rate: { warning: 0.2, error: 0.05 }\n',
    says: /bounce_rate/,
    line: 3,
  },
  {
    name: 'an invalid regex',
    config: 'version: 1\ncampaigns:\n  exclude: { names: ["(unclosed"] }\n',
    says: /regular expression|regex/i,
    line: 3,
  },
  {
    name: 'a non-https base URL',
    inputs: { 'base-url': 'http://api.example.com' },
    says: /https/,
  },
  { name: 'an empty key', inputs: { 'api-key': '' }, says: /api-key|API key|INSTANTLY_API_KEY/ },
  {
    name: 'a key with whitespace',
    inputs: { 'api-key': ' sim_key with spaces ' },
    says: /whitespace|space/i,
  },
  {
    name: 'an unknown check name',
    inputs: { checks: 'auth,campaings' },
    says: /campaings.*campaigns/s,
  },
];

let sim: RunningSimulator;
const results = new Map<string, { action: ActionRun; cli: CliRun }>();

async function runCase(c: BadInput): Promise<void> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'ih-bad-'));
  if (c.config !== undefined) {
    await mkdir(path.join(workspace, '.github'), { recursive: true });
    await writeFile(path.join(workspace, '.github', 'instantly-health.yml'), c.config);
  }
  const inputs: Record<string, string> = {
    'api-key': sim.keys.readOnly,
    'base-url': sim.url,
    ...c.inputs,
  };
  const action = await runActionFromSource({
    inputs,
    workspace,
    env: { GITHUB_API_URL: 'http://127.0.0.1:9' },
  });
  const args = ['check', '--base-url', inputs['base-url'] ?? ''];
  if (c.config !== undefined) args.push('--config', '.github/instantly-health.yml');
  if (inputs.checks) args.push('--checks', inputs.checks);
  const cli = await runCliFromSource(args, {
    cwd: workspace,
    env: { INSTANTLY_API_KEY: inputs['api-key'] ?? '', NO_COLOR: '1' },
  });
  results.set(c.name, { action, cli });
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
  const queue = [...CASES];
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await runCase(c);
    }),
  );
}, 300_000);

afterAll(async () => {
  await sim.stop();
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('sends no request at all', () => {
    // The simulator is shared: one request from any case fails every case, which is the point.
    expect(sim.log.map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  it('the action fails with a summary, outputs status=failed and the message', () => {
    const { action } = results.get(c.name) ?? { action: undefined };
    expect(action?.code).toBe(1);
    expect(action?.outputs.status).toBe('failed');
    expect(action?.summary).toMatch(/Failed/);
    // The summary escapes markdown, so the message is checked where it is printed plain.
    expect(action?.stdout).toMatch(c.says);
    expect(action?.stdout).not.toMatch(/stopped unexpectedly|TypeError|at .*\.ts:\d+/);
    if (c.line !== undefined) {
      expect(action?.stdout).toMatch(
        new RegExp(`::error [^\\n]*file=\\.github/instantly-health\\.yml,line=${c.line}[,:]`),
      );
    }
  });

  it('the CLI exits 2 with the message', () => {
    const { cli } = results.get(c.name) ?? { cli: undefined };
    expect(cli?.code).toBe(2);
    expect(cli?.stderr).toMatch(c.says);
    expect(cli?.stderr).not.toMatch(/TypeError|at .*\.ts:\d+/);
    if (c.line !== undefined) {
      expect(cli?.stderr).toMatch(new RegExp(`instantly-health\\.yml:${c.line}\\b`));
    }
  });
});
