import type { Finding } from '../model/report.js';
import { unknownFromError, type UnknownTarget } from './unknown.js';

/**
 * One fetch a suite can go on without: its answer, or `undefined` after adding an `unknown`
 * finding to `extra` for each target (the checks that needed the answer), saying what could
 * not be checked and why. The one shape for the try/catch every suite wrote around such
 * fetches; a gap is reported, never swallowed.
 *
 * With the run's `signal`, a failure after the deadline aborted it is rethrown: the engine then
 * reports the suite as timed out once, instead of a gap per fetch.
 */
export async function fetchOrUnknown<T>(
  fetch: () => Promise<T>,
  extra: Finding[],
  target: UnknownTarget | readonly UnknownTarget[],
  signal?: AbortSignal,
): Promise<T | undefined> {
  try {
    return await fetch();
  } catch (err) {
    if (signal?.aborted) throw err;
    const targets: readonly UnknownTarget[] = Array.isArray(target) ? target : [target];
    for (const t of targets) extra.push(unknownFromError(err, t));
    return undefined;
  }
}
