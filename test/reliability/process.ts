/**
 * The action and the CLI as real processes, from source (no build): Node 24 with tsx's loader,
 * the same environment the Actions runner gives (test/e2e/runner.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, runAction, type ActionRun, type RunActionOptions } from '../e2e/runner.js';

const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export function runActionFromSource(
  options: Omit<RunActionOptions, 'entry' | 'nodeArgs'>,
): Promise<ActionRun> {
  return runAction({
    timeoutMs: 60_000,
    ...options,
    entry: path.join(ROOT, 'src', 'index.ts'),
    nodeArgs: ['--import', TSX_LOADER],
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCliFromSource(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    ['--import', TSX_LOADER, path.join(ROOT, 'src', 'cli.ts'), ...args],
    {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the CLI did not finish within 60 s'));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
