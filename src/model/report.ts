import { z } from 'zod';

/**
 * The report model of contract section 4. It is the one data structure that flows from the
 * engine to every renderer, to the tracking planner and to the JSON report file, so the JSON
 * Schema published for users is generated from these zod schemas.
 */

export const SUITE_NAMES = ['auth', 'campaigns', 'accounts', 'webhooks', 'deliverability'] as const;
export const SuiteName = z.enum(SUITE_NAMES);
export type SuiteName = z.infer<typeof SuiteName>;

/** `unknown`: the check could not decide (API failure, missing scope, deadline). */
export const Severity = z.enum(['error', 'warning', 'unknown']);
export type Severity = z.infer<typeof Severity>;

export const Status = z.enum(['healthy', 'degraded', 'unhealthy', 'failed']);
export type Status = z.infer<typeof Status>;

export const ResourceType = z.enum([
  'workspace',
  'campaign',
  'account',
  'domain',
  'webhook',
  'suite',
]);
export type ResourceType = z.infer<typeof ResourceType>;

export const Resource = z.object({
  type: ResourceType,
  id: z.string(),
  name: z.string().optional(),
});
export type Resource = z.infer<typeof Resource>;

export const Finding = z.object({
  /** Stable check id, `suite-singular.name`, e.g. `campaign.status`. */
  check: z.string(),
  suite: SuiteName,
  severity: Severity,
  resource: Resource,
  message: z.string(),
  remediation: z.string(),
  evidence: z.record(z.string(), z.unknown()).default({}),
  /** Stable across runs for the same check on the same resource; what tracking compares. */
  fingerprint: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const SilencedFinding = Finding.extend({
  silencedUntil: z.string(),
  reason: z.string().optional(),
});
export type SilencedFinding = z.infer<typeof SilencedFinding>;

export const SuiteResult = z.object({
  name: SuiteName,
  status: Status,
  /** Resources the suite looked at (campaigns, accounts, webhooks…), passing or not. */
  checked: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  /** Short human lines of what was checked, e.g. "12 campaigns, 48 senders". */
  details: z.array(z.string()).default([]),
});
export type SuiteResult = z.infer<typeof SuiteResult>;

export const EndpointStats = z.object({
  requests: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
  waitMs: z.number().nonnegative(),
});
export type EndpointStats = z.infer<typeof EndpointStats>;

export const Stats = z.object({
  requests: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
  waitMs: z.number().nonnegative().default(0),
  /** Requests per `METHOD /path/{template}`. */
  byEndpoint: z.record(z.string(), z.number().int().nonnegative()),
});
export type Stats = z.infer<typeof Stats>;

/**
 * `done`: the fix was made; `would-do`: dry-run, the fix would be made; `skipped`: not made, and
 * why (e.g. the test delivery failed); `failed`: the API refused it (e.g. a missing write scope).
 */
export const RemediationOutcome = z.enum(['done', 'would-do', 'skipped', 'failed']);
export type RemediationOutcome = z.infer<typeof RemediationOutcome>;

export const RemediationStep = z.object({
  /** What was (or would be) done, e.g. `resume-webhook`. */
  action: z.string(),
  resource: Resource,
  outcome: RemediationOutcome,
  /** Why this outcome, in a sentence: what was tested, why it was skipped, what failed. */
  detail: z.string(),
});
export type RemediationStep = z.infer<typeof RemediationStep>;

/** Opt-in fixes (config `remediate`), made after the checks; absent when none is configured. */
export const Remediation = z.object({
  dryRun: z.boolean(),
  /** The configured actions, e.g. `resume-webhooks`. */
  actions: z.array(z.string()),
  steps: z.array(RemediationStep),
});
export type Remediation = z.infer<typeof Remediation>;

/** A sender that needs a look, and why (short phrases, most severe first). */
export const SenderNote = z.object({
  email: z.string(),
  reasons: z.array(z.string()),
});
export type SenderNote = z.infer<typeof SenderNote>;

/**
 * Sending health, one verdict per sender the accounts suite checked: `burning` has an error
 * finding (its own or its domain's), `watch` a warning or `unknown` one, `green` none. Green
 * senders are only counted.
 */
export const SendersSummary = z.object({
  total: z.number().int().nonnegative(),
  green: z.number().int().nonnegative(),
  watch: z.array(SenderNote),
  burning: z.array(SenderNote),
});
export type SendersSummary = z.infer<typeof SendersSummary>;

export const Report = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.string(), version: z.string() }),
  status: Status,
  startedAt: z.string(),
  finishedAt: z.string(),
  workspace: z.object({ id: z.string(), name: z.string() }).nullable(),
  suites: z.array(SuiteResult),
  findings: z.array(Finding),
  silenced: z.array(SilencedFinding).default([]),
  stats: Stats,
  /** Set when the accounts suite ran: the verdict per sender it checked. */
  senders: SendersSummary.optional(),
  /** Set when status is `failed`: why nothing could be checked, and the fix. */
  failure: z.object({ cause: z.string(), message: z.string(), remediation: z.string() }).optional(),
  /** Set when the config asks for remediation: each fix made, or skipped and why. */
  remediation: Remediation.optional(),
});
export type Report = z.infer<typeof Report>;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, unknown: 2 };
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

/** Contract section 1: the status that findings imply (a run that could not check is `failed` elsewhere). */
export function statusOf(
  findings: readonly Pick<Finding, 'severity'>[],
): Exclude<Status, 'failed'> {
  if (findings.some((f) => f.severity === 'error')) return 'unhealthy';
  if (findings.length > 0) return 'degraded';
  return 'healthy';
}

export function fingerprintOf(check: string, resource: Pick<Resource, 'type' | 'id'>): string {
  return `${check}:${resource.type}:${resource.id}`;
}
