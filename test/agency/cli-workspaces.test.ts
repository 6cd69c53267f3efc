/** The CLI with `workspaces` in the config: every sub-workspace, one report each, worst exit code. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCliInProcess } from '../cli/run-cli.js';

let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy', seed: 3 });
  dir = await mkdtemp(path.join(tmpdir(), 'agency-cli-'));
  const [a, b] = sim.data.subWorkspaces;
  await writeFile(
    path.join(dir, 'health.yml'),
    `workspaces:\n  - { id: "${a?.workspace.id ?? ''}", name: "Client A" }\n  - { id: "${b?.workspace.id ?? ''}", name: "Client B" }\n`,
  );
});

afterAll(async () => {
  await sim.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('instantly-health check with workspaces', () => {
  it('prints one JSON report per workspace and exits 1 when one has errors', async () => {
    const out = await runCliInProcess(
      [
        'check',
        '--config',
        path.join(dir, 'health.yml'),
        '--base-url',
        sim.url,
        '--format',
        'json',
        '--rate-limit',
        '50',
      ],
      { INSTANTLY_API_KEY: sim.keys.agency },
    );
    expect(out.stderr).not.toMatch(/unexpected/);
    const combined = JSON.parse(out.stdout) as {
      status: string;
      workspaces: { name: string; status: string }[];
    };
    expect(combined.workspaces.map((w) => [w.name, w.status])).toEqual([
      ['Client A', 'healthy'],
      ['Client B', 'unhealthy'],
    ]);
    expect(combined.status).toBe('unhealthy');
    expect(out.code).toBe(1);
  });

  it('renders the overview as markdown', async () => {
    const out = await runCliInProcess(
      [
        'check',
        '--config',
        path.join(dir, 'health.yml'),
        '--base-url',
        sim.url,
        '--format',
        'markdown',
        '--fail-on',
        'never',
      ],
      { INSTANTLY_API_KEY: sim.keys.agency },
    );
    expect(out.stdout).toMatch(/^## 🔴 Instantly health: 2 workspaces · 1 unhealthy, 1 healthy/);
    expect(out.code).toBe(0);
  });
});
