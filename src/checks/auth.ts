import { PlanDetails, Workspace, CampaignProbePage } from '../instantly/schemas/workspace.js';
import type { Subscription } from '../instantly/schemas/workspace.js';
import type { CheckId } from '../model/checks.js';
import type { Finding, Report, Resource } from '../model/report.js';
import { finding } from './finding.js';
import { HINTS } from './hints.js';
import { describeError, errorFacts, isCdnBlock, type ErrorFacts } from './scopes.js';
import type { SuiteContext, SuiteOutcome } from './types.js';
import { unknownFromError } from './unknown.js';

const SUITE = 'auth' as const;

/** Lead usage thresholds (fractions of the plan's lead limit); not configurable in contract v1. */
export const LEAD_USAGE = { warning: 0.9, error: 1 } as const;

export function workspaceResource(ws: { id: string; name?: string } | null): Resource {
  return ws
    ? { type: 'workspace', id: ws.id, ...(ws.name ? { name: ws.name } : {}) }
    : { type: 'workspace', id: 'current' };
}

export function evaluateWorkspace(ws: Workspace): Finding[] {
  if (!ws.scheduled_for_removal_at) return [];
  return [
    finding({
      check: 'workspace.removal',
      suite: SUITE,
      severity: 'error',
      resource: workspaceResource(ws),
      message: `The workspace is scheduled for removal at ${ws.scheduled_for_removal_at}: its campaigns, mailboxes and leads will be deleted.`,
      remediation: HINTS.workspaceRemoval,
      evidence: { scheduled_for_removal_at: ws.scheduled_for_removal_at },
    }),
  ];
}

function unixToIso(seconds: number): string {
  const date = new Date(seconds * 1000);
  // A value past the year 275760 (e.g. 1e15) is no date: say so instead of throwing.
  return Number.isNaN(date.getTime()) ? `${seconds} (not a valid Unix time)` : date.toISOString();
}

export function evaluatePlan(
  plan: PlanDetails,
  workspace: { id: string; name?: string } | null,
): Finding[] {
  const resource = workspaceResource(workspace);
  const out: Finding[] = [];
  const subs = plan.subscriptions ?? {};
  const leadPlans: [string, Subscription | undefined][] = [
    ['outreach', subs.outreach],
    ['bundle', subs.bundle],
  ];
  for (const [kind, sub] of leadPlans) {
    if (!sub) continue;
    const limit = sub.total_lead_limit;
    const used = sub.current_lead_count;
    if (limit !== undefined && used !== undefined && limit > 0) {
      const usage = used / limit;
      const severity =
        usage >= LEAD_USAGE.error ? 'error' : usage >= LEAD_USAGE.warning ? 'warning' : null;
      if (severity) {
        out.push(
          finding({
            check: 'workspace.lead-usage',
            suite: SUITE,
            severity,
            resource,
            message: `${used} of the ${kind} plan's ${limit} leads are used (${Math.floor(usage * 100)} %)${severity === 'error' ? ': new leads cannot be added' : ''}.`,
            remediation: HINTS.leadLimit,
            evidence: {
              subscription: kind,
              current_lead_count: used,
              total_lead_limit: limit,
              plan_name: sub.plan_name ?? null,
            },
            discriminator: kind,
          }),
        );
      }
    }
    if (sub.cancel_at_time !== null && sub.cancel_at_time !== undefined) {
      out.push(
        finding({
          check: 'workspace.subscription',
          suite: SUITE,
          severity: 'warning',
          resource,
          message: `The ${kind} subscription${sub.plan_name ? ` (${sub.plan_name})` : ''} is set to cancel at ${unixToIso(sub.cancel_at_time)}.`,
          remediation: HINTS.subscriptionCancel,
          evidence: { subscription: kind, cancel_at_time: unixToIso(sub.cancel_at_time) },
          discriminator: kind,
        }),
      );
    }
  }
  return out;
}

export interface AuthResult {
  outcome: SuiteOutcome;
  workspace: Report['workspace'];
  /** Set when nothing else can be checked (bad key, no plan, API unreachable). */
  failure?: NonNullable<Report['failure']>;
}

/** " (the key has `campaigns:all`, `leads:all`)" when Instantly listed the key's scopes. */
function grantedNote(facts: ErrorFacts): string {
  const granted = facts.grantedScopes ?? [];
  return granted.length > 0 ? ` (the key has ${granted.map((s) => `\`${s}\``).join(', ')})` : '';
}

/** Kinds that mean no further request can succeed: stop the run. */
function fatal(facts: ErrorFacts, workspace: Report['workspace']): AuthResult | null {
  const resource = workspaceResource(workspace);
  const make = ({
    check,
    severity,
    cause,
    message,
    remediation,
  }: {
    check: CheckId;
    severity: 'error' | 'unknown';
    cause: string;
    message: string;
    remediation: string;
  }): AuthResult => ({
    outcome: {
      findings: [
        finding({
          check,
          suite: SUITE,
          severity,
          resource,
          message,
          remediation,
          evidence: {
            cause: facts.kind,
            ...(facts.status !== undefined ? { status: facts.status } : {}),
            ...(facts.endpoint ? { endpoint: facts.endpoint } : {}),
          },
        }),
      ],
      checked: 0,
      details: [],
    },
    workspace,
    failure: { cause, message, remediation },
  });
  if (isCdnBlock(facts)) {
    return make({
      check: 'workspace.api-reachable',
      severity: 'unknown',
      cause: 'blocked',
      message: `Could not check the workspace: ${describeError(facts)}.`,
      remediation: HINTS.cdnBlocked,
    });
  }
  switch (facts.kind) {
    case 'auth':
      return make({
        check: 'workspace.api-key',
        severity: 'error',
        cause: 'auth',
        message:
          'Instantly rejected the API key (401): it is missing, invalid, revoked, or an API v1 key.',
        remediation: HINTS.invalidKey,
      });
    case 'plan':
      return make({
        check: 'workspace.plan',
        severity: 'error',
        cause: 'plan',
        message: 'The workspace has no active paid plan (402), so the API answers nothing.',
        remediation: HINTS.noPlan,
      });
    case 'network':
    case 'timeout':
    case 'server':
    case 'rate-limited':
      return make({
        check: 'workspace.api-reachable',
        severity: 'unknown',
        cause: facts.kind === 'timeout' ? 'timeout' : 'unreachable',
        message: `Could not check the workspace: ${describeError(facts)}.`,
        remediation:
          facts.kind === 'rate-limited'
            ? HINTS.rateLimited
            : facts.kind === 'timeout'
              ? HINTS.timeout
              : HINTS.unreachable,
      });
    default:
      return null;
  }
}

/**
 * `x-as-workspace` naming a workspace the key may not act on: every request is refused (403), so
 * every suite would report a missing scope and the run would pass as merely degraded. It is a
 * bad input instead, and nothing can be checked.
 */
function workspaceRefused(workspaceId: string, facts: ErrorFacts): AuthResult {
  const message = `Instantly refused to act on workspace-id "${workspaceId}" (403 on GET /workspaces/current and GET /campaigns): the id is wrong, or the key may not act on that workspace.`;
  return {
    outcome: {
      findings: [
        finding({
          check: 'workspace.api-key',
          suite: SUITE,
          severity: 'error',
          resource: workspaceResource(null),
          message,
          remediation: HINTS.workspaceRefused,
          evidence: {
            cause: 'workspace',
            workspace_id: workspaceId,
            ...(facts.status !== undefined ? { status: facts.status } : {}),
          },
        }),
      ],
      checked: 0,
      details: [],
    },
    workspace: null,
    failure: { cause: 'workspace', message, remediation: HINTS.workspaceRefused },
  };
}

/**
 * The gate every run passes first: is the key valid, is the plan paid, is the API there.
 * Requests are sequential so that a 401 or 402 costs exactly one request and nothing else runs.
 * There is no separate scope probe per suite: each suite's first request (GET /campaigns,
 * GET /accounts, GET /webhooks) is its own probe, and a 403 there becomes an `unknown` finding
 * naming the scope, so a probe here would only double those requests.
 */
export async function runAuth(ctx: SuiteContext): Promise<AuthResult> {
  const findings: Finding[] = [];
  const details: string[] = [];
  let workspace: Report['workspace'] = null;

  try {
    const ws = await ctx.api.get('/workspaces/current', { schema: Workspace, signal: ctx.signal });
    workspace = { id: ws.id, name: ws.name };
    findings.push(...evaluateWorkspace(ws));
    details.push('API key valid');
  } catch (err) {
    const facts = errorFacts(err);
    const stop = fatal(facts, null);
    if (stop) return stop;
    if (facts.kind === 'scope') {
      // Key without the `workspaces` scope: a campaigns page proves the key works. When the
      // campaigns suite runs, the probe is its own (memoised) campaign list, so it costs nothing.
      // Instantly answers this with 401 "Invalid scope. Required: workspaces:read": a valid key.
      details.push(
        `workspace status not checked: the key lacks \`${facts.requiredScope ?? 'workspaces:read'}\`${grantedNote(facts)}`,
      );
      try {
        if (ctx.settings.checks.includes('campaigns')) await ctx.resources.campaigns();
        else {
          await ctx.api.get('/campaigns', {
            query: { limit: 1 },
            schema: CampaignProbePage,
            signal: ctx.signal,
          });
        }
        details.push('API key valid (campaigns probe)');
      } catch (probeErr) {
        const probe = errorFacts(probeErr);
        const stop2 = fatal(probe, null);
        if (stop2) return stop2;
        // Both refused with a sub-workspace named: the id, not the scopes, is what is wrong.
        if (probe.kind === 'scope' && ctx.settings.workspaceId !== undefined)
          return workspaceRefused(ctx.settings.workspaceId, probe);
        if (probe.kind === 'scope')
          details.push(
            `API key accepted, but it lacks \`${probe.requiredScope ?? 'campaigns:read'}\` too`,
          );
        else
          findings.push(
            unknownFromError(probeErr, {
              check: 'workspace.api-key',
              suite: SUITE,
              resource: workspaceResource(null),
              what: 'The API key',
            }),
          );
      }
    } else {
      findings.push(
        unknownFromError(err, {
          check: 'workspace.removal',
          suite: SUITE,
          resource: workspaceResource(null),
          what: 'The workspace status',
        }),
      );
    }
  }
  ctx.progress(1, 2);

  try {
    const plan = await ctx.api.get('/workspace-billing/plan-details', {
      schema: PlanDetails,
      signal: ctx.signal,
    });
    if (!workspace && plan.organization_id) {
      workspace = {
        id: plan.organization_id,
        name: plan.organization_name ?? plan.organization_id,
      };
    }
    findings.push(...evaluatePlan(plan, workspace));
    details.push('plan usage checked');
  } catch (err) {
    const facts = errorFacts(err);
    const stop = fatal(facts, workspace);
    if (stop) return stop;
    if (facts.kind === 'scope') {
      // Plan usage is an extra, not a gate: a key deliberately scoped without billing should not
      // leave every run `degraded`, so the gap is stated in the details rather than as a finding.
      details.push(
        `plan usage not checked: the key lacks \`${facts.requiredScope ?? 'workspace_billing:read'}\`${grantedNote(facts)}`,
      );
    } else {
      findings.push(
        unknownFromError(err, {
          check: 'workspace.lead-usage',
          suite: SUITE,
          resource: workspaceResource(workspace),
          what: 'Plan usage',
        }),
      );
    }
  }
  ctx.progress(2, 2);

  return { outcome: { findings, checked: workspace ? 1 : 0, details }, workspace };
}
