import path from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigError } from '../config/errors.js';
import type { RecordRequest } from './run.js';

/**
 * The action's `record` input: a folder name under RUNNER_TEMP (empty = off). A name that would
 * leave RUNNER_TEMP (`..`, an absolute path) is a configuration error: the recording is for the
 * runner's scratch space, which the upload-artifact step reads and the job then throws away.
 * Emails are always pseudonymised in the action: an artifact is downloadable by anyone with read
 * access to the repository.
 */
export function recordRequestFromInput(
  value: string,
  runnerTemp: string | undefined,
): RecordRequest | undefined {
  const name = value.trim();
  if (name === '') return undefined;
  const base = path.resolve(runnerTemp ?? tmpdir());
  const dir = path.resolve(base, name);
  if (path.isAbsolute(name) || !dir.startsWith(base + path.sep)) {
    throw new ConfigError([
      {
        source: 'input record',
        message: `must be a folder name under RUNNER_TEMP, got ${JSON.stringify(value)}`,
        hint: 'Example: record: instantly-recording (then upload ${{ runner.temp }}/instantly-recording with actions/upload-artifact).',
      },
    ]);
  }
  return { dir, redactEmails: true };
}
