import { EOL } from 'node:os';

/**
 * What the action needs from the runner before its first Instantly request, done exactly as
 * @actions/core does it (the same environment variables, the same workflow command). Loading
 * @actions/core costs more than a hundred milliseconds at start-up: it brings its own HTTP client
 * (a second undici, for OIDC tokens) and @actions/exec. With these, src/main.ts loads it only
 * after the checks have run.
 */

/** `core.getInput`: `INPUT_<NAME>` with spaces as underscores, upper-cased; trimmed unless asked not to be. */
export function actionInput(
  name: string,
  options: { trimWhitespace?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  return options.trimWhitespace === false ? value : value.trim();
}

/** `core.setSecret`: the runner masks `secret` in every later line of the log. */
export function maskSecret(secret: string): void {
  process.stdout.write(`::add-mask::${escapeData(secret)}${EOL}`);
}

/** `core.isDebug`: step debug logging is on (the runner sets RUNNER_DEBUG=1). */
export function isDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RUNNER_DEBUG === '1';
}

/** `core.debug`: a line shown only with step debug logging. */
export function logDebug(message: string): void {
  process.stdout.write(`::debug::${escapeData(message)}${EOL}`);
}

/** `core.info`. */
export function logInfo(message: string): void {
  process.stdout.write(message + EOL);
}

/** A workflow command's data, escaped as @actions/core escapes it. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
