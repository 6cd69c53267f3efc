/**
 * The measurements themselves (I/O): one run of ours in a child process, the naive baseline in
 * this process, and the cold start of a bundle. Each against a simulator this process owns.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSimulator,
  type RunningSimulator,
  type ScenarioSpec,
} from '../src/simulator/index.js';
import { actionDefinition, inputEnvName } from '../test/e2e/runner.js';
import { runNaive, type NaiveResult } from './naive.js';
import type { OneResult } from './one.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Issue 8: a random 60-120 ms per request, and the published (current) limit enforced. */
export const LATENCY_MS = [60, 120] as const;
export const MEAN_LATENCY_MS = (LATENCY_MS[0] + LATENCY_MS[1]) / 2;

export function simulate(
  scenario: ScenarioSpec,
  now: Date,
  latencyMs: readonly [number, number] = LATENCY_MS,
): Promise<RunningSimulator> {
  return startSimulator({ scenario, seed: 1, now, rateLimit: 'current', latencyMs });
}

/** How to start bench/one.ts: its ncc bundle with plain node, or the source through tsx. */
export type OneCommand = { bundle: string } | { tsx: true };

function oneArgs(command: OneCommand): string[] {
  return 'bundle' in command
    ? [command.bundle]
    : ['--import', 'tsx', path.join(ROOT, 'bench', 'one.ts')];
}

interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Date.now() just before the spawn, and at exit. */
  startedAt: number;
  endedAt: number;
}

function run(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    timeoutMs: number;
    /** Polled every few milliseconds: once true, the child is killed (its exit is then ours). */
    stopWhen?: () => boolean;
  },
): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    const stopWhen = options.stopWhen;
    const poll = stopWhen
      ? setInterval(() => {
          if (stopWhen()) child.kill('SIGKILL');
        }, 2)
      : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, stdout, stderr, startedAt, endedAt: Date.now() });
    });
  });
}

export interface OursRun extends OneResult {
  /** Requests and 429s as the simulator counted them (the wire, not the client's own count). */
  served: number;
  served429: number;
}

/** One health check of the simulator's workspace, in a fresh process (so maxRSS is this run's). */
export async function runOurs(
  sim: RunningSimulator,
  command: OneCommand,
  extra: { rateLimit?: number } = {},
): Promise<OursRun> {
  const before = sim.counts();
  const input = JSON.stringify({ baseUrl: sim.url, apiKey: sim.apiKey, ...extra });
  const exited = await run([...oneArgs(command), input], { timeoutMs: 15 * 60_000 });
  const line = exited.stdout.trim().split('\n').at(-1) ?? '';
  if (exited.code !== 0 || !line.startsWith('{')) {
    throw new Error(`bench/one.ts failed (exit ${exited.code}): ${exited.stderr.slice(0, 2000)}`);
  }
  const after = sim.counts();
  return {
    ...(JSON.parse(line) as OneResult),
    served: after.requests - before.requests,
    served429: after.rateLimited - before.rateLimited,
  };
}

export async function runNaiveOn(sim: RunningSimulator): Promise<NaiveResult & { served: number }> {
  const before = sim.counts();
  const result = await runNaive({ baseUrl: sim.url, apiKey: sim.apiKey });
  return { ...result, served: sim.counts().requests - before.requests };
}

/** Builds `entry` with ncc, as `npm run build` does (minified), into a temp dir; returns the file. */
export async function nccBuild(entry: string): Promise<{ file: string; bytes: number }> {
  const out = await mkdtemp(path.join(tmpdir(), 'ih-bench-'));
  const ncc = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const exited = await run([ncc, 'build', path.join(ROOT, entry), '-o', out, '-m', '-q'], {
    timeoutMs: 10 * 60_000,
  });
  const file = path.join(out, 'index.js');
  if (exited.code !== 0) {
    throw new Error(
      `ncc build ${entry} failed: ${(exited.stderr || exited.stdout).slice(0, 2000)}`,
    );
  }
  return { file, bytes: (await stat(file)).size };
}

export interface ColdStart {
  /** Spawn to the first request reaching the simulator; undefined when none came. */
  firstRequestMs?: number;
  /** Spawn to exit. */
  exitMs: number;
  code: number | null;
}

/**
 * Starts `args` with node and the Actions runner's environment (inputs as INPUT_<NAME>, every
 * action.yml default filled in, the file commands) and times its first request to `sim`.
 */
export async function coldStart(
  sim: RunningSimulator,
  args: string[],
  options: { stopAtFirstRequest?: boolean } = {},
): Promise<ColdStart> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ih-cold-'));
  const files = ['output.txt', 'summary.md', 'state.txt', 'env.txt', 'path.txt'];
  await Promise.all(files.map((f) => writeFile(path.join(dir, f), '')));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_STATE: path.join(dir, 'state.txt'),
    GITHUB_ENV: path.join(dir, 'env.txt'),
    GITHUB_PATH: path.join(dir, 'path.txt'),
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REPOSITORY: 'acme/outbound',
    GITHUB_WORKSPACE: dir,
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: dir,
  };
  for (const [name, spec] of Object.entries((await actionDefinition()).inputs)) {
    env[inputEnvName(name)] =
      spec.default === '${{ github.token }}' ? 'ghs_bench' : (spec.default ?? '');
  }
  env[inputEnvName('api-key')] = sim.apiKey;
  env[inputEnvName('base-url')] = sim.url;
  env[inputEnvName('create-issue')] = 'false';

  sim.clearLog();
  const exited = await run(args, {
    env,
    cwd: dir,
    timeoutMs: 120_000,
    ...(options.stopAtFirstRequest && { stopWhen: () => sim.log.length > 0 }),
  });
  const first = sim.log[0];
  return {
    ...(first ? { firstRequestMs: first.time - exited.startedAt } : {}),
    exitMs: exited.endedAt - exited.startedAt,
    code: exited.code,
  };
}
