import type { RunSettings } from '../config/schema.js';
import type { InstantlyApi } from '../instantly/api.js';
import {
  statusOf,
  type Finding,
  type Report,
  type Stats,
  type SuiteName,
  type SuiteResult,
} from '../model/report.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { runAuth } from './auth.js';
import { senderVerdicts } from './sender-verdict.js';
import { createSharedResources } from './resources.js';
import { SUITES } from './catalog.js';
import { finding } from './finding.js';
import { HINTS } from './hints.js';
import { applyPolicy } from './policy.js';
import { errorFacts } from './scopes.js';
import type { SharedResources, Suite, SuiteContext, SuiteOutcome } from './types.js';
import { unknownFromError } from './unknown.js';

export type ResourcesFactory = (
  api: InstantlyApi,
  settings: RunSettings,
  signal: AbortSignal,
  now: Date,
) => SharedResources;

export interface EngineOptions {
  api: InstantlyApi;
  settings: RunSettings;
  /** The clock; read once for the run's "now" and for start/finish times and durations. */
  now?: () => Date;
  /** Aborts the run; defaults to `settings.timeoutSeconds` from the start. */
  deadline?: AbortSignal;
  onProgress?: (suite: SuiteName, done: number, total: number) => void;
  /** The suites after `auth` (default: every suite in the catalogue); filtered by `settings.checks`. */
  suites?: Suite[];
  /** The shared cache of fetched resources (default: `createSharedResources`). */
  createResources?: ResourcesFactory;
}

class DeadlineReached extends Error {
  constructor() {
    super('deadline reached');
  }
}

/** Settles with `work`, or rejects with `DeadlineReached` as soon as `signal` aborts. */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DeadlineReached());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(new DeadlineReached());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function suiteResource(name: SuiteName) {
  return { type: 'suite' as const, id: name, name: `${name} checks` };
}

/** What a suite that could not finish leaves behind: one `unknown` finding naming the cause. */
export function suiteFailureFinding(
  name: SuiteName,
  err: unknown,
  timedOut: boolean,
  timeoutSeconds: number,
): Finding {
  if (timedOut) {
    return finding({
      check: 'suite.timeout',
      suite: name,
      severity: 'unknown',
      resource: suiteResource(name),
      message: `The ${name} checks did not finish: timed out after ${timeoutSeconds} s.`,
      remediation: HINTS.timeout,
      evidence: { cause: 'timeout', timeout_seconds: timeoutSeconds },
    });
  }
  const facts = errorFacts(err);
  return unknownFromError(err, {
    check: facts.kind === 'scope' ? 'suite.scope' : 'suite.error',
    suite: name,
    resource: suiteResource(name),
    what: `The ${name} checks`,
    phrase: 'did not run',
    ...(facts.kind === 'scope' && facts.endpoint ? { discriminator: facts.endpoint } : {}),
  });
}

export function toStats(api: InstantlyApi): Stats {
  const s = api.statistics();
  return {
    requests: s.requests,
    retries: s.retries,
    rateLimited: s.rateLimited,
    waitMs: s.waitMs,
    byEndpoint: Object.fromEntries(Object.entries(s.byEndpoint).map(([k, v]) => [k, v.requests])),
  };
}

/**
 * Runs `auth`, then every other enabled suite concurrently under one deadline, applies the
 * config's severity overrides and ignores, and returns the report. Never throws for API
 * trouble: that becomes findings, or a `failed` report when nothing could be checked.
 */
export async function runChecks(options: EngineOptions): Promise<Report> {
  const { api, settings } = options;
  const clock = options.now ?? (() => new Date());
  const started = clock();
  const signal = options.deadline ?? AbortSignal.timeout(settings.timeoutSeconds * 1000);
  const progress = (suite: SuiteName) => (done: number, total: number) => {
    try {
      options.onProgress?.(suite, done, total);
    } catch {
      // Progress is cosmetic (the CLI's live line): a failing display never fails a check.
    }
  };
  const resources = (options.createResources ?? createSharedResources)(
    api,
    settings,
    signal,
    started,
  );
  const ctxFor = (suite: SuiteName): SuiteContext => ({
    api,
    settings,
    now: started,
    signal,
    resources,
    progress: progress(suite),
  });

  const base = {
    schemaVersion: 1 as const,
    tool: { name: TOOL_NAME, version: VERSION },
    startedAt: started.toISOString(),
  };

  // auth: the gate. A deadline here means nothing at all was checked.
  const authStart = clock().getTime();
  let auth: Awaited<ReturnType<typeof runAuth>>;
  try {
    auth = await beforeDeadline(runAuth(ctxFor('auth')), signal);
  } catch (err) {
    const timedOut = err instanceof DeadlineReached || signal.aborted;
    const f = suiteFailureFinding('auth', err, timedOut, settings.timeoutSeconds);
    auth = {
      outcome: { findings: [f], checked: 0, details: [] },
      workspace: null,
      failure: {
        cause: timedOut ? 'timeout' : 'error',
        message: f.message,
        remediation: f.remediation,
      },
    };
  }
  const authResult = (status: SuiteResult['status']): SuiteResult => ({
    name: 'auth',
    status,
    checked: auth.outcome.checked,
    durationMs: Math.max(0, clock().getTime() - authStart),
    details: auth.outcome.details,
  });

  if (auth.failure) {
    const finished = clock();
    return {
      ...base,
      status: 'failed',
      finishedAt: finished.toISOString(),
      workspace: auth.workspace,
      suites: [authResult('failed')],
      findings: auth.outcome.findings,
      silenced: [],
      stats: toStats(api),
      failure: auth.failure,
    };
  }
  const authSuite = authResult('healthy');

  const enabled = (options.suites ?? SUITES).filter(
    (s) => s.name !== 'auth' && settings.checks.includes(s.name),
  );
  const outcomes = await Promise.all(
    enabled.map(async (suite) => {
      const start = clock().getTime();
      let outcome: SuiteOutcome;
      try {
        outcome = await beforeDeadline(suite.run(ctxFor(suite.name)), signal);
      } catch (err) {
        const timedOut = err instanceof DeadlineReached || signal.aborted;
        outcome = {
          findings: [suiteFailureFinding(suite.name, err, timedOut, settings.timeoutSeconds)],
          checked: 0,
          details: [],
        };
      }
      return { suite, outcome, durationMs: Math.max(0, clock().getTime() - start) };
    }),
  );

  const raw = [...auth.outcome.findings, ...outcomes.flatMap((o) => o.outcome.findings)];
  const finished = clock();
  const { findings, silenced } = applyPolicy(raw, settings.config, started);
  const suiteStatus = (name: SuiteName) => statusOf(findings.filter((f) => f.suite === name));
  // Verdicts read the findings that count: a silenced or downgraded finding weighs as it reports.
  const senders = outcomes.find((o) => o.outcome.senders !== undefined)?.outcome.senders;

  return {
    ...base,
    status: statusOf(findings),
    finishedAt: finished.toISOString(),
    workspace: auth.workspace,
    suites: [
      { ...authSuite, status: suiteStatus('auth') },
      ...outcomes.map((o) => ({
        name: o.suite.name,
        status: suiteStatus(o.suite.name),
        checked: o.outcome.checked,
        durationMs: o.durationMs,
        details: o.outcome.details,
      })),
    ],
    findings,
    silenced,
    stats: toStats(api),
    ...(senders && { senders: senderVerdicts(senders, findings) }),
  };
}
