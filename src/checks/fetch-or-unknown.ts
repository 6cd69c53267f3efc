import type { Finding } from '../model/report.js';
import { unknownFromError, type UnknownTarget } from './unknown.js';

/**
 * One fetch a suite can go on without: its answer, or `undefined` after adding an `unknown`
 * finding to `extra` that says what could not be checked and why. The one shape for the
 * try/catch every suite wrote around such fetches; a gap is reported, never swallowed.
 */
export async function fetchOrUnknown<T>(
  fetch: () => Promise<T>,
  extra: Finding[],
  target: UnknownTarget,
): Promise<T | undefined> {
  try {
    return await fetch();
  } catch (err) {
    extra.push(unknownFromError(err, target));
    return undefined;
  }
}
