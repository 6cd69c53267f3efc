import type { IssueConfig } from '../config/schema.js';
import type { Report } from '../model/report.js';
import {
  renderChangeComment,
  renderClosingComment,
  renderDuplicateComment,
  renderBlindComment,
  renderIssueBody,
} from './body.js';
import { toTrackingError, type TrackingError } from './errors.js';
import { createGitHubClient, OctokitIssueStore, type GitHubClientOptions } from './github.js';
import type { TrackingState } from './marker.js';
import {
  plan,
  planEffects,
  settleRace,
  type Effect,
  type Plan,
  type PlanAction,
} from './planner.js';
import {
  isOurs,
  locate,
  type Identity,
  type IssueStore,
  type IssueSummary,
  type RepoRef,
} from './store.js';
import { appendTrend, trendPoint, type TrendPoint } from './trend.js';

/**
 * Regression tracking, start to end: read the workspace's tracking issue, plan purely, then
 * perform the plan's effects. It never throws: any failure comes back as `error` with a message
 * a person can act on, so the caller still writes the report and the job summary.
 */

export type { TrackingError } from './errors.js';

export interface TrackOptions {
  report: Report;
  /** The token for the issue (`github-token`). */
  token: string;
  repo: RepoRef;
  /** `issue-labels`; the first finds the issue. Empty means `instantly-health`. */
  labels: string[];
  assignees: string[];
  /** Title of a new issue. */
  title: string;
  config: IssueConfig;
  /** Link to this workflow run, shown in the body and comments (see `runUrlFromEnv`). */
  runUrl?: string;
  now?: Date;
  /** `create-issue: false`: read the issue for `regressed`, never write. */
  dryRun?: boolean;
  /** octokit settings: base URL (default `GITHUB_API_URL`), waits, retries. */
  client?: GitHubClientOptions;
  /** The tracker; by default the octokit adapter with `token` and `client`. */
  store?: IssueStore;
  /** Several workspaces report into the repository: a broken marker is never adopted. */
  agency?: boolean;
  /**
   * The `workspace-id` input: names the workspace when the report cannot (a revoked key), so a
   * blind run still finds its issue. Without it a single-workspace run uses the one workspace
   * its own tracking issues name.
   */
  workspaceId?: string;
}

export interface TrackResult {
  /** Output `regressed`; false when the previous state could not be read. */
  regressed: boolean;
  /** The tracking issue after this run: the open one, or the one this run closed. */
  issueNumber?: number;
  issueUrl?: string;
  /** What the plan said (`none` also when tracking stopped early). */
  action: PlanAction;
  /** Things a person should know that did not stop tracking (a broken marker…). */
  warnings: string[];
  /** Key figures of the last runs, this one included (oldest first); empty when unknown. */
  trend?: TrendPoint[];
  /** The plan, when tracking got that far (notifications read `plan.blind`). */
  plan?: Plan;
  error?: TrackingError;
}

const DAY_MS = 86_400_000;
const DEFAULT_LABEL = 'instantly-health';

export async function trackHealth(options: TrackOptions): Promise<TrackResult> {
  const warnings: string[] = [];
  const { report, repo, config } = options;
  const now = options.now ?? new Date();
  const labels = options.labels.map((l) => l.trim()).filter(Boolean);
  if (labels.length === 0) labels.push(DEFAULT_LABEL);
  const label = labels[0] ?? DEFAULT_LABEL;
  const agency = options.agency === true;

  const store =
    options.store ?? new OctokitIssueStore(createGitHubClient(options.token, options.client), repo);
  let step = 'find out which account the GitHub token acts as';
  let result: Pick<TrackResult, 'issueNumber' | 'issueUrl'> = {};
  let planned: Plan | undefined;
  let trend: TrendPoint[] = [];
  try {
    const me = await store.whoAmI();
    step = 'read the tracking issue';
    const workspaceId =
      report.workspace?.id ??
      options.workspaceId ??
      (agency ? undefined : await identifyWorkspace(store, label, me));
    if (!workspaceId) {
      // A `failed` run names no workspace; without one there is no issue to look at.
      if (report.status === 'failed') {
        warnings.push(
          `the run could not identify the workspace and no tracking issue of this repository names exactly one; set the workspace-id input so blind runs are counted`,
        );
      }
      return { regressed: false, action: 'none', warnings };
    }
    const found = await locate(store, label, workspaceId, { me, agency });
    warnings.push(...found.warnings);
    if (found.open) result = { issueNumber: found.open.number, issueUrl: found.open.htmlUrl };
    const holder = found.open ?? found.lastClosed;
    const previous = holder?.marker.state?.workspaceId === workspaceId ? holder.marker.state : null;
    const recentlyClosed =
      found.lastClosed?.closedAt != null &&
      now.getTime() - Date.parse(found.lastClosed.closedAt) < DAY_MS;
    planned = plan(previous, report, config, now, {
      hasOpenIssue: found.open !== null,
      recentlyClosed,
      workspaceId,
      ...(found.open ? { openIssueCreatedAt: found.open.createdAt } : {}),
    });
    trend = appendTrend(previous?.history, trendPoint(report));
    const outcome = (plan: Plan): TrackResult => ({
      regressed: plan.regressed,
      action: plan.action,
      warnings,
      trend,
      plan,
      ...result,
    });
    if (options.dryRun) return outcome(planned);

    const state = withTrend(planned.nextState, trend);
    const effects = planEffects(planned, {
      open: found.open,
      duplicates: found.duplicates,
      lastClosed: found.lastClosed
        ? { number: found.lastClosed.number, state: found.lastClosed.marker.state ?? null }
        : null,
      state,
    });
    const current = planned;
    const run: EffectRun = {
      store,
      body: (closed) =>
        state
          ? renderIssueBody({
              report,
              state,
              now,
              closed,
              ...(options.runUrl ? { runUrl: options.runUrl } : {}),
            })
          : '',
      comment: (about) =>
        about === 'closing'
          ? renderClosingComment(current, options.runUrl)
          : current.blind && current.blind.change !== 'none'
            ? renderBlindComment(current, report, options.runUrl)
            : renderChangeComment(current, report, options.runUrl, about === 'reopened'),
    };
    for (const effect of effects) {
      step = describe(effect);
      switch (effect.kind) {
        case 'create': {
          await store.ensureLabels(labels);
          const created = await store.create({
            title: options.title,
            body: run.body(effect.closed),
            labels,
            assignees: effect.closed ? [] : options.assignees,
          });
          if (effect.closed) {
            await store.update(created.issue.number, {
              state: 'closed',
              stateReason: 'not_planned',
            });
            warnings.push(
              `created issue #${created.issue.number} closed, to count failing runs toward failure_threshold ${config.failure_threshold}; it reopens when the threshold is reached`,
            );
            break;
          }
          warnings.push(...created.warnings);
          step = 'check for a duplicate tracking issue';
          const open = (await store.listOpen(label)).filter(
            (i) => isOurs(i, me) && i.marker.workspaceId === workspaceId,
          );
          const settled = settleRace(open, created.issue);
          for (const duplicate of settled.effects) await perform(duplicate, run);
          result = { issueNumber: settled.keep.number, issueUrl: settled.keep.htmlUrl };
          break;
        }
        default: {
          const changed = await perform(effect, run);
          if (effect.kind === 'reopen' && changed) {
            result = { issueNumber: changed.number, issueUrl: changed.htmlUrl };
          }
        }
      }
    }
    return outcome(planned);
  } catch (err) {
    return {
      regressed: planned?.regressed ?? false,
      action: planned?.action ?? 'none',
      warnings,
      trend,
      ...(planned ? { plan: planned } : {}),
      ...result,
      error: options.client?.signal?.aborted
        ? {
            kind: 'network',
            message: `Could not ${step} in ${repo.owner}/${repo.repo}: GitHub did not answer before the tracking deadline (the run's timeout plus a short grace). The report and the job summary are written; the next run will catch up.`,
          }
        : toTrackingError(err, repo, step),
    };
  }
}

/**
 * The workspace a run that cannot name it belongs to (a revoked key): the one workspace our
 * open tracking issues name, else the one our most recently closed issue names. Two or more
 * open ones: unknown (an agency repository needs the `workspace-id` input, or `workspaces:`).
 */
async function identifyWorkspace(
  store: IssueStore,
  label: string,
  me: Identity,
): Promise<string | undefined> {
  const named = new Set(
    (await store.listOpen(label))
      .filter((i) => isOurs(i, me) && i.marker.workspaceId !== null)
      .map((i) => i.marker.workspaceId as string),
  );
  if (named.size > 0) return named.size === 1 ? [...named][0] : undefined;
  const closed = await store.findLastClosed(label, null, me);
  return closed?.marker.workspaceId ?? undefined;
}

/** What carrying out an effect needs: the store and this run's rendered texts. */
interface EffectRun {
  store: IssueStore;
  body: (closed: boolean) => string;
  comment: (about: 'change' | 'reopened' | 'closing') => string;
}

/** One effect other than `create` (which needs the labels and the race check). */
async function perform(
  effect: Exclude<Effect, { kind: 'create' }>,
  { store, body, comment }: EffectRun,
): Promise<IssueSummary | undefined> {
  switch (effect.kind) {
    case 'close-duplicate':
      await store.comment(effect.issue, renderDuplicateComment(effect.keep));
      return store.update(effect.issue, { state: 'closed', stateReason: 'duplicate' });
    case 'reopen':
      return store.update(effect.issue, { state: 'open', body: body(false) });
    case 'rewrite':
      return store.update(effect.issue, { body: body(effect.closed) });
    case 'comment':
      await store.comment(effect.issue, comment(effect.about));
      return undefined;
    case 'close':
      return store.update(effect.issue, {
        body: body(false),
        state: 'closed',
        stateReason: 'completed',
      });
  }
}

/** The step an error message names ("… while trying to <step>"). */
function describe(effect: Effect): string {
  switch (effect.kind) {
    case 'close-duplicate':
      return `close duplicate issue #${effect.issue}`;
    case 'create':
      return effect.closed
        ? 'create a closed issue to count failing runs in'
        : 'create the tracking issue';
    case 'reopen':
      return `reopen issue #${effect.issue}`;
    case 'rewrite':
      return effect.closed
        ? `keep the tracking state in closed issue #${effect.issue}`
        : `update issue #${effect.issue}`;
    case 'comment':
      return effect.about === 'closing'
        ? `close issue #${effect.issue}`
        : effect.about === 'reopened'
          ? `reopen issue #${effect.issue}`
          : `update issue #${effect.issue}`;
    case 'close':
      return `close issue #${effect.issue}`;
  }
}

/** The planned state with the trend: the planner decides the issue, the history rides along. */
function withTrend(state: TrackingState | null, trend: TrendPoint[]): TrackingState | null {
  if (!state) return null;
  return trend.length > 0 ? { ...state, history: trend } : state;
}
