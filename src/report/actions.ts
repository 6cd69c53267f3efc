import { compareSeverity, type Finding, type Resource, type Severity } from '../model/report.js';
import type { CheckId } from '../model/checks.js';
import { sortFindings } from './format.js';

/**
 * The report as a to-do list: one entry per resource, with every problem found on it and one fix
 * per cause (findings that share a cause share a fix: a campaign in Bounce Protect and its bounce
 * rate are one thing to do, not two). Entries are ranked by severity, then by impact, so the
 * first few are what to do first. Pure: every renderer (job summary, issue body, CLI text) reads
 * the same list.
 */

/** Entries the summary lists under "What to do first". */
export const WHAT_TO_DO_FIRST = 5;

export interface ToDo {
  resource: Resource;
  /** The worst severity of its findings. */
  severity: Severity;
  /** Every finding on the resource, the lead problem of each cause first. */
  findings: Finding[];
  /** One fix per cause, in the order of `findings`. */
  fixes: string[];
  /** A page of the Instantly app for this resource, when the app has a stable URL for it. */
  link?: InstantlyLink;
}

export interface InstantlyLink {
  url: string;
  /** What the page is, e.g. "campaign analytics". */
  label: string;
}

type Evidence = Finding['evidence'];

/**
 * Findings that share one cause, and so one fix. Within a cause the first listed check leads: its
 * message comes first and its remediation is the fix (the most specific one: a campaign already
 * paused by Bounce Protect needs "verify the list, then resume", not "pause the campaign").
 * A finding matching no rule is a cause of its own.
 */
const SHARED_CAUSES: readonly {
  cause: string;
  check: CheckId;
  when?: (evidence: Evidence) => boolean;
}[] = [
  { cause: 'bounces', check: 'campaign.status', when: (e) => e.status === -2 },
  {
    cause: 'bounces',
    check: 'campaign.sending-status',
    when: (e) => e.status === 'campaign_bounce_protect',
  },
  { cause: 'bounces', check: 'campaign.bounce-rate' },
  { cause: 'bounces', check: 'account.bounce-rate' },
  { cause: 'no-leads', check: 'campaign.leads' },
  {
    cause: 'no-leads',
    check: 'campaign.sending-status',
    when: (e) => e.status === 'waiting_for_leads',
  },
  { cause: 'paused', check: 'campaign.paused' },
  {
    cause: 'paused',
    check: 'campaign.sending-status',
    when: (e) => e.status === 'campaign_paused',
  },
  { cause: 'connection', check: 'account.connection' },
  { cause: 'connection', check: 'account.autofix-failed' },
  // One mailbox whose warmup mail goes to spam: score, health, spam share and trend all say it.
  { cause: 'warmup-reputation', check: 'account.warmup-spam' },
  { cause: 'warmup-reputation', check: 'account.warmup-score' },
  { cause: 'warmup-reputation', check: 'account.warmup-health' },
  { cause: 'warmup-reputation', check: 'account.warmup-trend' },
];

/** Checks whose finding means mail is not going out now: first among equal severities. */
const STOPS_SENDING_IDS: readonly CheckId[] = [
  'workspace.api-key',
  'workspace.plan',
  'campaign.status',
  'campaign.paused',
  'campaign.sending-status',
  'campaign.not-sending',
  'campaign.sequence',
  'campaign.schedule',
  'campaign.senders',
  'campaign.daily-limit',
  'campaign.leads',
  'account.connection',
  'account.paused',
  'account.setup-pending',
  'domain.mx',
];
const STOPS_SENDING = new Set<string>(STOPS_SENDING_IDS);

function causeOf(f: Finding): { cause: string; rank: number } {
  const rank = SHARED_CAUSES.findIndex(
    (rule) => rule.check === f.check && (rule.when === undefined || rule.when(f.evidence)),
  );
  const rule = SHARED_CAUSES[rank];
  return rule
    ? { cause: rule.cause, rank }
    : { cause: `${f.check}:${f.fingerprint}`, rank: SHARED_CAUSES.length };
}

/** 2: stops sending; 1: hurts sending (deliverability, limits); 0: around sending (webhooks). */
function impactOf(todo: Pick<ToDo, 'findings'>): number {
  if (todo.findings.some((f) => STOPS_SENDING.has(f.check))) return 2;
  return todo.findings.every((f) => f.suite === 'webhooks') ? 0 : 1;
}

/** The to-do list of these findings: one entry per resource, most urgent first. */
export function toDoList(findings: readonly Finding[]): ToDo[] {
  const byResource = new Map<string, Finding[]>();
  // sortFindings first: the order inside an entry and between equal entries is stable.
  for (const f of sortFindings(findings)) {
    const key = `${f.resource.type}\u0000${f.resource.id}`;
    const group = byResource.get(key);
    if (group) group.push(f);
    else byResource.set(key, [f]);
  }
  const todos = [...byResource.values()].map((group) => toDo(group));
  const order = new Map(todos.map((t, i) => [t, i]));
  return todos.sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      impactOf(b) - impactOf(a) ||
      b.fixes.length - a.fixes.length ||
      b.findings.length - a.findings.length ||
      (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
}

function toDo(group: readonly Finding[]): ToDo {
  // Causes in order of their worst finding; inside a cause, the lead check first.
  const causes = new Map<string, { rank: number; finding: Finding }[]>();
  for (const f of group) {
    const { cause, rank } = causeOf(f);
    const members = causes.get(cause);
    if (members) members.push({ rank, finding: f });
    else causes.set(cause, [{ rank, finding: f }]);
  }
  const ordered = [...causes.values()].map((members) =>
    members
      .sort((a, b) => compareSeverity(a.finding.severity, b.finding.severity) || a.rank - b.rank)
      .map((m) => m.finding),
  );
  const findings = ordered.flat();
  const fixes = [...new Set(ordered.map((members) => members[0]?.remediation ?? ''))].filter(
    (fix) => fix !== '',
  );
  const first = findings[0] ?? group[0];
  if (!first) throw new Error('a to-do needs a finding');
  const link = instantlyLink(first.resource, findings);
  return {
    resource: first.resource,
    severity: findings.reduce<Severity>(
      (worst, f) => (compareSeverity(f.severity, worst) < 0 ? f.severity : worst),
      first.severity,
    ),
    findings,
    fixes,
    ...(link ? { link } : {}),
  };
}

const APP = 'https://app.instantly.ai/app';
// Instantly's ids are UUIDs; anything else is not put in a URL we build.
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The Instantly app page for a resource, built by us from its id (never a URL from the API):
 * a campaign's analytics (or its sequence, or leads, when that is where the fix is), the email
 * accounts list for a mailbox, the integrations settings for webhooks. These paths are the app's stable,
 * bookmarkable URLs (`/app/campaign/<id>/analytics`, `/sequences`, `/leads`, `/app/accounts`,
 * `/app/settings/integrations`).
 */
export function instantlyLink(
  resource: Resource,
  findings: readonly Pick<Finding, 'check'>[] = [],
): InstantlyLink | undefined {
  switch (resource.type) {
    case 'campaign': {
      if (!SAFE_ID.test(resource.id)) return undefined;
      const base = `${APP}/campaign/${resource.id}`;
      const lead = findings[0]?.check;
      if (lead === 'campaign.sequence') return { url: `${base}/sequences`, label: 'sequence' };
      if (lead === 'campaign.leads') return { url: `${base}/leads`, label: 'leads' };
      return { url: `${base}/analytics`, label: 'analytics' };
    }
    // A domain's fix is in its DNS, not in Instantly.
    case 'account':
      return { url: `${APP}/accounts`, label: 'email accounts' };
    case 'webhook':
      return { url: `${APP}/settings/integrations`, label: 'integrations' };
    default:
      return undefined;
  }
}
