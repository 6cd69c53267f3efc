import type { IssueConfig } from '../config/schema.js';
import { compareSeverity, type Finding, type Report } from '../model/report.js';
import { blindSuites } from '../report/blind.js';
import type { TrackedFinding, TrackingState } from './marker.js';

/**
 * The pure half of regression tracking (contract section 5): previous state + this run's report
 * → what to do with the issue, and the state to store for the next run. No I/O and no clock
 * (`now` is given), so sequences of runs are plain table tests.
 *
 * Only `error` findings open and close the issue; warnings and `unknown` findings are tracked
 * for their first-seen times and shown in the body.
 */

export type PlanAction = 'create' | 'reopen' | 'update' | 'comment-and-update' | 'close' | 'none';

export interface PlanContext {
  /** The workspace's tracking issue is open. */
  hasOpenIssue: boolean;
  /** The most recent closed tracking issue was closed less than a day ago: reopen, not create. */
  recentlyClosed: boolean;
  /** When the open issue was created: the outage's start when the state lost it (broken marker). */
  openIssueCreatedAt?: string;
  /**
   * The workspace, when the report cannot name it (a revoked key): from the `workspace-id`
   * input or the one tracking issue of ours in the repository (see track.ts).
   */
  workspaceId?: string;
}

export interface FindingChange {
  fingerprint: string;
  check: string;
  resource: { type: string; id: string; name?: string };
  firstSeen: string;
}

export interface Plan {
  action: PlanAction;
  /** The state to write with this run's body; null only when there is nothing to track. */
  nextState: TrackingState | null;
  /** This run found an error that was not failing in the previous run (output `regressed`). */
  regressed: boolean;
  /** Errors that reached `failure_threshold` in this run (opening or added to an open outage). */
  newErrors: FindingChange[];
  /** Errors of the outage that have now stayed away for `success_threshold` runs. */
  recovered: FindingChange[];
  /** Confirmed errors that remain after this run. */
  stillFailing: number;
  /** The outage this run belongs to (for `close`: the one that just ended). */
  outage: { startedAt: string | null; durationMs: number | null };
  /** One line on why, for the debug log. */
  reason: string;
  /**
   * Blind runs (contract section 6): `started` when this run reached `blind_threshold`, `ended`
   * when checking works again after that; `since` and `cause` while blind or as it ended.
   * Notifications read exactly this field.
   */
  blind?: BlindChange;
}

export interface BlindChange {
  change: 'started' | 'ended' | 'none';
  since?: string;
  cause?: string;
}

type BlindState = NonNullable<TrackingState['blind']>;

/** The cause of this run's blindness in one line, or null when it could check everything. */
export function blindCause(report: Report): string | null {
  const blind = blindSuites(report);
  if (blind.length === 0) return null;
  return clip(blind.map((b) => `${b.suite}: ${b.why}`).join(' '), MAX_CAUSE);
}

/** The next blind streak, and what changed about it (pure: the counters of section 6). */
function nextBlind(
  previous: BlindState | undefined,
  cause: string | null,
  threshold: number,
  nowIso: string,
): { state: BlindState | undefined; change: BlindChange } {
  if (cause === null) {
    return previous?.announced
      ? {
          state: undefined,
          change: { change: 'ended', since: previous.since, cause: previous.cause },
        }
      : { state: undefined, change: { change: 'none' } };
  }
  const runs = Math.min((previous?.runs ?? 0) + 1, Math.max(threshold, 1));
  const announced = previous?.announced === true || (threshold > 0 && runs >= threshold);
  const state: BlindState = { runs, since: previous?.since ?? nowIso, cause, announced };
  return {
    state,
    change: {
      change: announced && previous?.announced !== true ? 'started' : 'none',
      since: state.since,
      cause,
    },
  };
}

/** Names and ids from the API can be long; the state keeps enough of them to name a recovery. */
const MAX_STORED_TEXT = 120;
const MAX_CAUSE = 400;

function clip(text: string, max = MAX_STORED_TEXT): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Suites that could not decide this run (the suite failed, or it reports an `unknown` finding on
 * itself, e.g. it ran out of time). Their errors are missing from the report because nothing was
 * checked, not because they were fixed, so their tracked findings carry over unchanged instead of
 * counting as recovered.
 */
function undecidedSuites(report: Report): Set<string> {
  const suites = new Set<string>();
  for (const suite of report.suites) if (suite.status === 'failed') suites.add(suite.name);
  for (const finding of report.findings) {
    if (finding.severity === 'unknown' && finding.resource.type === 'suite') {
      suites.add(finding.suite);
    }
  }
  return suites;
}

function change(fingerprint: string, tracked: TrackedFinding): FindingChange {
  return {
    fingerprint,
    check: tracked.check,
    resource: tracked.resource,
    firstSeen: tracked.firstSeen,
  };
}

/** The most severe finding per fingerprint (a fingerprint should be unique; do not trust it). */
function byFingerprint(findings: readonly Finding[]): Map<string, Finding> {
  const map = new Map<string, Finding>();
  for (const finding of findings) {
    const seen = map.get(finding.fingerprint);
    if (!seen || compareSeverity(finding.severity, seen.severity) < 0) {
      map.set(finding.fingerprint, finding);
    }
  }
  return map;
}

function nextEntry(
  previous: TrackedFinding | undefined,
  finding: Finding | undefined,
  config: IssueConfig,
  nowIso: string,
): TrackedFinding | null {
  const isError = finding?.severity === 'error';
  // Counters saturate at their threshold: past it the number changes nothing, and a stable
  // state means an unchanged marker, so a quiet run writes nothing.
  const errorRuns = isError
    ? Math.min((previous?.errorRuns ?? 0) + 1, config.failure_threshold)
    : 0;
  const cleanRuns = isError
    ? 0
    : Math.min((previous?.cleanRuns ?? 0) + 1, config.success_threshold);
  // A confirmed error stays confirmed while it fails again (flapping inside an outage) and
  // until it has been clean for `success_threshold` runs in a row.
  const confirmed = isError
    ? errorRuns >= config.failure_threshold || previous?.confirmed === true
    : previous?.confirmed === true && cleanRuns < config.success_threshold;
  if (!finding && !confirmed) return null;
  return {
    check: finding?.check ?? previous?.check ?? '',
    suite: finding?.suite ?? previous?.suite ?? '',
    severity: finding?.severity ?? previous?.severity ?? 'error',
    resource: finding
      ? {
          type: finding.resource.type,
          id: clip(finding.resource.id),
          ...(finding.resource.name === undefined ? {} : { name: clip(finding.resource.name) }),
        }
      : (previous?.resource ?? { type: 'workspace', id: '' }),
    firstSeen: previous?.firstSeen ?? nowIso,
    errorRuns,
    cleanRuns,
    confirmed,
  };
}

export function plan(
  previous: TrackingState | null,
  report: Report,
  config: IssueConfig,
  now: Date,
  context: PlanContext,
): Plan {
  const nowIso = now.toISOString();
  const workspaceId = report.workspace?.id ?? context.workspaceId ?? previous?.workspaceId;
  const blind = nextBlind(previous?.blind, blindCause(report), config.blind_threshold, nowIso);
  const stillFailing = Object.values(previous?.findings ?? {}).filter((f) => f.confirmed).length;

  if (workspaceId === undefined) {
    return {
      action: 'none',
      nextState: previous,
      regressed: false,
      newErrors: [],
      recovered: [],
      stillFailing,
      outage: { startedAt: previous?.outageStartedAt ?? null, durationMs: null },
      reason: 'the report names no workspace and no issue identifies it; nothing to track',
      blind: { change: 'none' },
    };
  }

  // A `failed` report means nothing could be checked (bad key, API unreachable…): it says
  // nothing about whether the errors were fixed or new ones appeared. Closing would declare a
  // recovery nobody saw and counting the run would bend the thresholds, so the findings state
  // carries over untouched; only the blind streak counts, and at `blind_threshold` the issue
  // opens (or is updated) to say the workspace cannot be checked (contract section 6).
  if (report.status === 'failed') {
    const kept: TrackingState = previous ?? {
      workspaceId,
      outageStartedAt: null,
      passingRuns: 0,
      findings: {},
    };
    const action: PlanAction =
      blind.change.change === 'started'
        ? context.hasOpenIssue
          ? 'comment-and-update'
          : context.recentlyClosed
            ? 'reopen'
            : 'create'
        : context.hasOpenIssue
          ? 'update'
          : 'none';
    return {
      action,
      nextState: withBlind(kept, blind.state),
      regressed: false,
      newErrors: [],
      recovered: [],
      stillFailing,
      outage: { startedAt: previous?.outageStartedAt ?? null, durationMs: null },
      reason: `the run could not check the workspace (blind run ${blind.state?.runs ?? 1} of blind_threshold ${config.blind_threshold}); findings state carried over`,
      blind: blind.change,
    };
  }

  return withBlindAction(
    planFindings(previous, report, config, now, context, workspaceId),
    blind,
    context,
  );
}

function withBlind(state: TrackingState, blind: BlindState | undefined): TrackingState {
  const rest = { ...state };
  delete rest.blind;
  return blind ? { ...rest, blind } : rest;
}

/** A run that checked something: the blind streak may start, go on or end alongside findings. */
function withBlindAction(
  planned: Plan,
  blind: ReturnType<typeof nextBlind>,
  context: PlanContext,
): Plan {
  const nextState = planned.nextState ? withBlind(planned.nextState, blind.state) : null;
  let action = planned.action;
  if (blind.change.change === 'started') {
    if (action === 'none' && !context.hasOpenIssue) {
      action = context.recentlyClosed ? 'reopen' : 'create';
    } else if (action === 'update' || action === 'close') {
      action = 'comment-and-update';
    }
  } else if (blind.state?.announced && action === 'close') {
    // Part of the workspace cannot be seen: no recovery is declared for what nobody checked.
    action = 'update';
  } else if (blind.change.change === 'ended' && action === 'update') {
    action = 'comment-and-update';
  }
  return {
    ...planned,
    action,
    nextState,
    blind: blind.change,
    reason:
      action === planned.action
        ? planned.reason
        : `${planned.reason}; blind: ${blind.change.change}`,
  };
}

function planFindings(
  previous: TrackingState | null,
  report: Report,
  config: IssueConfig,
  now: Date,
  context: PlanContext,
  workspaceId: string,
): Plan {
  const nowIso = now.toISOString();

  const before = previous?.findings ?? {};
  const current = byFingerprint(report.findings);
  const undecided = undecidedSuites(report);
  const findings: Record<string, TrackedFinding> = {};
  for (const fingerprint of new Set([...Object.keys(before), ...current.keys()])) {
    const was = before[fingerprint];
    const finding = current.get(fingerprint);
    if (!finding && was && undecided.has(was.suite)) {
      findings[fingerprint] = was;
      continue;
    }
    const entry = nextEntry(was, finding, config, nowIso);
    if (entry) findings[fingerprint] = entry;
  }

  const regressed = [...current.values()].some(
    (f) => f.severity === 'error' && !((before[f.fingerprint]?.errorRuns ?? 0) > 0),
  );
  const anyError = Object.values(findings).some((f) => f.errorRuns > 0);
  const passingRuns = anyError
    ? 0
    : Math.min((previous?.passingRuns ?? 0) + 1, config.success_threshold);

  const newErrors = Object.entries(findings)
    .filter(([fp, f]) => f.confirmed && before[fp]?.confirmed !== true)
    .map(([fp, f]) => change(fp, f));
  const recovered = Object.entries(before)
    .filter(([fp, f]) => f.confirmed && findings[fp]?.confirmed !== true)
    .map(([fp, f]) => change(fp, f));
  const confirmed = Object.values(findings).filter((f) => f.confirmed);

  const earliest = confirmed.map((f) => f.firstSeen).sort()[0];
  // A broken marker lost the outage's start; the open issue's creation is the best estimate.
  const recordedStart =
    previous?.outageStartedAt ??
    (previous === null && context.hasOpenIssue ? context.openIssueCreatedAt : undefined);
  const outageStartedAt = confirmed.length > 0 ? (recordedStart ?? earliest ?? nowIso) : null;
  const nextState: TrackingState = { workspaceId, outageStartedAt, passingRuns, findings };

  const endedOutageStart = previous?.outageStartedAt ?? context.openIssueCreatedAt ?? null;
  const base = { nextState, regressed, newErrors, recovered, stillFailing: confirmed.length };

  if (!context.hasOpenIssue) {
    if (newErrors.length > 0) {
      return {
        ...base,
        action: context.recentlyClosed ? 'reopen' : 'create',
        outage: { startedAt: outageStartedAt, durationMs: null },
        reason: `${newErrors.length} error(s) reached failure_threshold ${config.failure_threshold}`,
      };
    }
    // Includes an issue a person closed while its errors persist: respect that until the set
    // of errors changes.
    return {
      ...base,
      action: 'none',
      outage: { startedAt: outageStartedAt, durationMs: null },
      reason: confirmed.length > 0 ? 'no new error; the issue stays closed' : 'no confirmed error',
    };
  }

  if (
    config.close_on_recovery &&
    confirmed.length === 0 &&
    passingRuns >= config.success_threshold
  ) {
    const durationMs =
      endedOutageStart === null ? null : Math.max(0, now.getTime() - Date.parse(endedOutageStart));
    return {
      ...base,
      action: 'close',
      outage: {
        startedAt: endedOutageStart,
        durationMs: Number.isNaN(durationMs) ? null : durationMs,
      },
      reason: `no error for ${passingRuns} run(s) (success_threshold ${config.success_threshold})`,
    };
  }
  const changed = newErrors.length > 0 || recovered.length > 0;
  return {
    ...base,
    action: changed ? 'comment-and-update' : 'update',
    outage: { startedAt: outageStartedAt ?? endedOutageStart, durationMs: null },
    reason: changed
      ? `the set of errors changed (+${newErrors.length} −${recovered.length})`
      : 'nothing changed; the body is refreshed',
  };
}

/**
 * Every effect on the tracker, in order. Bodies and comments are rendered when an effect is
 * carried out (src/tracking/track.ts); which effects happen, on which issue, is decided here.
 */
export type Effect =
  /** Two runs raced: close `issue` as a duplicate of `keep`, with a comment linking it. */
  | { kind: 'close-duplicate'; issue: number; keep: number }
  /**
   * A new issue. `closed`: created closed, only to hold the state while failing runs count
   * toward `failure_threshold` (a scheduled workflow keeps state nowhere else).
   */
  | { kind: 'create'; closed: boolean }
  /** Reopen a recently closed issue with this run's body. */
  | { kind: 'reopen'; issue: number }
  /** Rewrite the body; `closed`: the issue is and stays closed (a silent edit). */
  | { kind: 'rewrite'; issue: number; closed: boolean }
  /** `change`: the set of errors changed; `reopened`: the same, on reopening; `closing`: recovered. */
  | { kind: 'comment'; issue: number; about: 'change' | 'reopened' | 'closing' }
  /** Close as completed, with this run's body. */
  | { kind: 'close'; issue: number };

type CloseDuplicate = Extract<Effect, { kind: 'close-duplicate' }>;

/** The tracker as `locate` found it, and the state this run stores (trend included). */
export interface IssueSituation {
  open: { number: number } | null;
  duplicates: readonly { number: number }[];
  lastClosed: { number: number; state: TrackingState | null } | null;
  /** The planned next state with its trend; null when there is nothing to track. */
  state: TrackingState | null;
}

/** The parts of the state that decide opening and closing (what a closed issue must keep). */
function thresholdPart(state: TrackingState | null): string {
  if (!state) return '';
  const counting = Object.entries(state.findings).filter(([, f]) => f.errorRuns > 0 || f.confirmed);
  return JSON.stringify([state.outageStartedAt, state.passingRuns, counting, state.blind ?? null]);
}

/** The plan's action as effects on the issues that exist. */
export function planEffects(planned: Pick<Plan, 'action'>, issues: IssueSituation): Effect[] {
  const { open, lastClosed, state } = issues;
  const effects: Effect[] = issues.duplicates
    .filter((d) => d.number !== (open?.number ?? d.number))
    .map((d) => ({ kind: 'close-duplicate', issue: d.number, keep: open?.number ?? d.number }));
  switch (planned.action) {
    case 'create':
      effects.push({ kind: 'create', closed: false });
      break;
    case 'reopen':
      if (lastClosed) {
        effects.push({ kind: 'reopen', issue: lastClosed.number });
        effects.push({ kind: 'comment', issue: lastClosed.number, about: 'reopened' });
      }
      break;
    case 'update':
    case 'comment-and-update':
      if (open) {
        effects.push({ kind: 'rewrite', issue: open.number, closed: false });
        if (planned.action === 'comment-and-update') {
          effects.push({ kind: 'comment', issue: open.number, about: 'change' });
        }
      }
      break;
    case 'close':
      // Closed first: should the comment then fail, the next run finds the issue closed and
      // does not say "Recovered" twice (the writes converge).
      if (open) {
        effects.push({ kind: 'close', issue: open.number });
        effects.push({ kind: 'comment', issue: open.number, about: 'closing' });
      }
      break;
    case 'none': {
      if (open || !state) break;
      const counting = thresholdPart(state) !== thresholdPart(lastClosed?.state ?? null);
      // The trend goes on while the workspace is healthy: the closed issue keeps it, so the
      // chart of the next outage shows the quiet runs before it too.
      const trending =
        lastClosed !== null &&
        JSON.stringify(state.history ?? []) !== JSON.stringify(lastClosed.state?.history ?? []);
      if (!counting && !trending) break;
      // failure_threshold > 1 counts failing runs before anything opens, and the only place a
      // scheduled workflow keeps state is an issue body. A closed tracking issue keeps it
      // silently (editing a body notifies nobody).
      if (lastClosed) effects.push({ kind: 'rewrite', issue: lastClosed.number, closed: true });
      else if (state.blind || Object.values(state.findings).some((f) => f.errorRuns > 0)) {
        // No issue exists yet to count in: create it closed, once per repository.
        effects.push({ kind: 'create', closed: true });
      }
      break;
    }
  }
  return effects;
}

/**
 * Two runs can both find no issue and both create one. After creating, the open issues are
 * listed again: the oldest one for the workspace is kept, and each run closes the one it
 * created if it is not that one, so whatever the interleaving, one stays open.
 */
export function settleRace<T extends { number: number; createdAt: string }>(
  openForWorkspace: readonly T[],
  created: T,
): { keep: T; effects: CloseDuplicate[] } {
  const sorted = [...openForWorkspace].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number,
  );
  const keep = sorted[0] ?? created;
  const effects: CloseDuplicate[] = sorted
    .slice(1)
    .filter((o) => o.number === created.number)
    .map((o) => ({ kind: 'close-duplicate', issue: o.number, keep: keep.number }));
  return { keep, effects };
}
