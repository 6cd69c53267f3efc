import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * Runs the committed dist/index.js exactly as the Actions runner runs a JavaScript action:
 * Node 24, inputs as INPUT_<NAME> (upper case, hyphens kept) with every action.yml default
 * filled in, and the runner's file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY...).
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ActionYaml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
}

export async function actionDefinition(): Promise<ActionYaml> {
  return parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

/** The runner's own rule: INPUT_ + name with spaces as underscores, upper-cased. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses the GITHUB_OUTPUT file format written by @actions/core (name<<delimiter blocks). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

export interface RunActionOptions {
  inputs: Record<string, string>;
  /** Extra or overriding environment (GITHUB_API_URL of the fake GitHub, ACTIONS_STEP_DEBUG...). */
  env?: Record<string, string>;
  /** The repository workspace (where .github/instantly-health.yml is looked up). */
  workspace?: string;
  timeoutMs?: number;
  entry?: string;
  /** Node options before the entry, e.g. a loader to run src/index.ts without a build. */
  nodeArgs?: string[];
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ih-e2e-'));
  const outputFile = path.join(dir, 'output.txt');
  const summaryFile = path.join(dir, 'summary.md');
  const eventFile = path.join(dir, 'event.json');
  await Promise.all([
    writeFile(outputFile, ''),
    writeFile(summaryFile, ''),
    writeFile(eventFile, JSON.stringify({ schedule: '17 * * * *' })),
  ]);
  const definition = await actionDefinition();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: path.join(dir, 'state.txt'),
    GITHUB_ENV: path.join(dir, 'env.txt'),
    GITHUB_PATH: path.join(dir, 'path.txt'),
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/outbound',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9', // discard port: tests that use GitHub pass the fake's URL
    GITHUB_WORKFLOW: 'Instantly health',
    GITHUB_ACTION: 'health',
    GITHUB_JOB: 'health',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: options.workspace ?? dir,
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  };
  for (const [name, spec] of Object.entries(definition.inputs)) {
    let value = spec.default ?? '';
    // The runner evaluates this expression before the action starts.
    if (value === '${{ github.token }}') value = 'ghs_e2etoken';
    env[inputEnvName(name)] = value;
  }
  for (const [name, value] of Object.entries(options.inputs)) env[inputEnvName(name)] = value;
  Object.assign(env, options.env);

  const entry = options.entry ?? path.join(ROOT, 'dist', 'index.js');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    cwd: env.GITHUB_WORKSPACE,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the action did not finish within ${options.timeoutMs ?? 60000} ms`));
    }, options.timeoutMs ?? 60000);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    dir,
  };
}
