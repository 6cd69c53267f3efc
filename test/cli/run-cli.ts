import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'src', 'cli.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI from source as a user's shell would: a separate Node 24 process with only the
 * environment given (no inherited INSTANTLY_API_KEY), optionally on a pseudo-terminal.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: { tty?: boolean; cwd?: string } = {},
): Promise<CliRun> {
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ...env,
  };
  const node = [process.execPath, '--import', 'tsx', CLI, ...args];
  // `script` gives the CLI a real terminal on stdout and stderr, as in an interactive shell.
  const [cmd, ...argv] = options.tty
    ? ['script', '-qec', node.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' '), '/dev/null']
    : node;
  const child = spawn(cmd ?? '', argv, { env: baseEnv, cwd: options.cwd ?? ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The CLI in this process (src/cli/main.ts `main()`), its stdout and stderr captured: the same
 * code as `runCli` without a process start (about a second of Node and tsx each). Only what
 * needs a real process (a terminal, the bin script, the exit code path of a crash) uses
 * `runCli`.
 */
export async function runCliInProcess(
  args: string[],
  env: Record<string, string> = {},
  options: { cwd?: string } = {},
): Promise<CliRun> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const capture = (stream: NodeJS.WriteStream, add: (text: string) => void) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
      add(String(chunk));
      return true;
    });
  const out = capture(process.stdout, (t) => (stdout += t));
  const err = capture(process.stderr, (t) => (stderr += t));
  try {
    const code = await main(args, {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      cwd: options.cwd ?? ROOT,
    });
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
