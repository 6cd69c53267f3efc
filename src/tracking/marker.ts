import { z } from 'zod';
import { Severity } from '../model/report.js';
import { TrendHistory } from './trend.js';

/**
 * The tracking state carried between runs in a hidden HTML comment at the end of the issue
 * body (contract section 5):
 *
 *   <!-- instantly-health:state v1 {"workspaceId":"…","outageStartedAt":…,"passingRuns":0,"findings":{…}} -->
 *
 * The issue body is the only storage a scheduled workflow keeps between runs, and people can
 * edit it, so everything read back is validated and anything unreadable becomes empty state
 * with a warning: the issue is still reused, never duplicated.
 */

export const MARKER_VERSION = 1;
const MARKER_PREFIX = '<!-- instantly-health:state v';
const MARKER_PATTERN = /<!-- instantly-health:state v(\d+) ([\s\S]*?) -->/g;

export const TrackedFinding = z.object({
  check: z.string(),
  // Plain strings (not the report's enums): a state written by a build that knows a new suite or
  // resource type must still be readable.
  suite: z.string(),
  /** Severity in the last run that reported it. */
  severity: Severity,
  resource: z.object({ type: z.string(), id: z.string(), name: z.string().optional() }),
  /** When this finding was first seen in its current streak (ISO 8601). */
  firstSeen: z.iso.datetime(),
  /** Consecutive runs in which it was an error (0 when it was not an error last run). */
  errorRuns: z.number().int().min(0),
  /** Consecutive runs in which it was not an error (absent, or a lesser severity). */
  cleanRuns: z.number().int().min(0),
  /** Reached `failure_threshold` and has not yet recovered for `success_threshold` runs. */
  confirmed: z.boolean(),
});
export type TrackedFinding = z.infer<typeof TrackedFinding>;

export const TrackingState = z.object({
  workspaceId: z.string().min(1),
  /** When the current outage began (first error of the confirmed set); null while healthy. */
  outageStartedAt: z.iso.datetime().nullable(),
  /** Consecutive runs without any error finding, capped at `success_threshold`. */
  passingRuns: z.number().int().min(0),
  /** Keyed by finding fingerprint. */
  findings: z.record(z.string(), TrackedFinding),
  /**
   * Key figures of the last runs, oldest first (trend.ts). Optional, so a v1 marker written
   * before trends existed is still read as v1; older builds ignore the field.
   */
  history: TrendHistory,
  /**
   * Consecutive runs that could not check (`failed`, or a suite blind; contract section 6).
   * Absent while checking works. Optional, so markers written before it are still v1.
   */
  blind: z
    .object({
      /** Consecutive blind runs, capped at `blind_threshold`. */
      runs: z.number().int().min(1),
      /** The first blind run of the streak. */
      since: z.iso.datetime(),
      /** The latest run's cause, one line. */
      cause: z.string(),
      /** `blind_threshold` was reached: the issue says "cannot check since …". */
      announced: z.boolean(),
    })
    .optional(),
});
export type TrackingState = z.infer<typeof TrackingState>;

export interface MarkerReading {
  /**
   * The body carries our marker, readable or not. A body without one is a person's issue,
   * whatever its labels: never adopted (contract section 5).
   */
  present: boolean;
  /** The state, or null when the body holds none that we can use. */
  state: TrackingState | null;
  /** The workspace the marker names, when it can be read even if the rest cannot. */
  workspaceId: string | null;
  /** Why the state was not usable (edited, truncated, future version…); absent when fine. */
  warning?: string;
}

/**
 * JSON with `<`, `>`, `&`, `@` and `#` written as unicode escapes: still the same JSON, but it
 * can never contain `-->` (which would end the comment early) or `<!--`, and API text such as
 * `@user` or `#1` in it cannot mention anyone or link an issue, whatever the strings hold.
 */
export function serializeMarker(state: TrackingState): string {
  const json = JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/@/g, '\\u0040')
    .replace(/#/g, '\\u0023');
  return `${MARKER_PREFIX}${MARKER_VERSION} ${json} -->`;
}

/** Reads the last marker of a body. Never throws. */
export function readMarker(body: string | null | undefined): MarkerReading {
  const text = body ?? '';
  const matches = [...text.matchAll(MARKER_PATTERN)];
  const last = matches.at(-1);
  if (!last) {
    const truncated = text.includes(MARKER_PREFIX);
    return {
      present: truncated,
      state: null,
      workspaceId: null,
      warning: truncated
        ? 'the tracking state in the issue body is cut off (the marker has no end); starting from empty state'
        : 'the issue body has no tracking state (it was edited or removed); starting from empty state',
    };
  }
  const version = Number(last[1]);
  let payload: unknown;
  try {
    payload = JSON.parse(last[2] ?? '');
  } catch {
    return {
      present: true,
      state: null,
      workspaceId: null,
      warning:
        'the tracking state in the issue body is not valid JSON (edited or truncated); starting from empty state',
    };
  }
  const workspaceId =
    typeof payload === 'object' &&
    payload !== null &&
    'workspaceId' in payload &&
    typeof payload.workspaceId === 'string' &&
    payload.workspaceId.length > 0
      ? payload.workspaceId
      : null;
  if (version !== MARKER_VERSION) {
    return {
      present: true,
      state: null,
      workspaceId,
      warning: `the tracking state was written by a ${version > MARKER_VERSION ? 'newer' : 'different'} version of instantly-health (state v${version}, this one reads v${MARKER_VERSION}); starting from empty state`,
    };
  }
  const parsed = TrackingState.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
    return {
      present: true,
      state: null,
      workspaceId,
      warning: `the tracking state in the issue body was edited and is invalid (${where}); starting from empty state`,
    };
  }
  return { present: true, state: parsed.data, workspaceId };
}
