import type { IssueConfig } from '../config/schema.js';
import type { Report } from '../model/report.js';
import {
  renderChangeComment,
  renderClosingComment,
  renderDuplicateComment,
  renderIssueBody,
} from './body.js';
import { toTrackingError, type TrackingError } from './errors.js';
import {
  createGitHubClient,
  IssueStore,
  type GitHubClientOptions,
  type IssueSummary,
  type RepoRef,
} from './github.js';
import type { TrackingState } from './marker.js';
import { plan, type Plan, type PlanAction } from './planner.js';
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
  error?: TrackingError;
}

const DAY_MS = 86_400_000;
const DEFAULT_LABEL = 'instantly-health';

/** The parts of the state that decide opening and closing (what a closed issue must keep). */
function thresholdPart(state: TrackingState | null): string {
  if (!state) return '';
  const counting = Object.entries(state.findings).filter(([, f]) => f.errorRuns > 0 || f.confirmed);
  return JSON.stringify([state.outageStartedAt, state.passingRuns, counting]);
}

export async function trackHealth(options: TrackOptions): Promise<TrackResult> {
  const warnings: string[] = [];
  const { report, repo, config } = options;
  const now = options.now ?? new Date();
  const labels = options.labels.map((l) => l.trim()).filter(Boolean);
  if (labels.length === 0) labels.push(DEFAULT_LABEL);
  const label = labels[0] ?? DEFAULT_LABEL;
  const workspaceId = report.workspace?.id;
  if (!workspaceId) {
    // A `failed` run names no workspace; without one there is no issue to look at.
    return { regressed: false, action: 'none', warnings };
  }

  const store = new IssueStore(createGitHubClient(options.token, options.client), repo);
  let step = 'read the tracking issue';
  let result: Pick<TrackResult, 'issueNumber' | 'issueUrl'> = {};
  let planned: Plan | undefined;
  let trend: TrendPoint[] = [];
  try {
    const found = await store.locate(label, workspaceId);
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
      ...(found.open ? { openIssueCreatedAt: found.open.createdAt } : {}),
    });
    trend = appendTrend(previous?.history, trendPoint(report));
    if (options.dryRun) {
      return { regressed: planned.regressed, action: planned.action, warnings, trend, ...result };
    }

    for (const duplicate of found.duplicates) {
      step = `close duplicate issue #${duplicate.number}`;
      await closeDuplicate(store, duplicate, found.open?.number ?? duplicate.number);
    }

    const state = withTrend(planned.nextState, trend);
    const body = (closed = false): string =>
      state
        ? renderIssueBody({
            report,
            state,
            now,
            closed,
            ...(options.runUrl ? { runUrl: options.runUrl } : {}),
          })
        : '';
    const open = found.open;
    switch (planned.action) {
      case 'create': {
        step = 'create the tracking issue';
        await store.ensureLabels(labels);
        const created = await store.create({
          title: options.title,
          body: body(),
          labels,
          assignees: options.assignees,
        });
        warnings.push(...created.warnings);
        step = 'check for a duplicate tracking issue';
        const kept = await settleRace(store, label, workspaceId, created.issue);
        result = { issueNumber: kept.number, issueUrl: kept.htmlUrl };
        break;
      }
      case 'reopen': {
        const closed = found.lastClosed;
        if (!closed) break;
        step = `reopen issue #${closed.number}`;
        const reopened = await store.update(closed.number, { state: 'open', body: body() });
        await store.comment(
          closed.number,
          renderChangeComment(planned, report, options.runUrl, true),
        );
        result = { issueNumber: reopened.number, issueUrl: reopened.htmlUrl };
        break;
      }
      case 'update':
      case 'comment-and-update': {
        if (!open) break;
        step = `update issue #${open.number}`;
        await store.update(open.number, { body: body() });
        if (planned.action === 'comment-and-update') {
          await store.comment(open.number, renderChangeComment(planned, report, options.runUrl));
        }
        break;
      }
      case 'close': {
        if (!open) break;
        step = `close issue #${open.number}`;
        await store.comment(open.number, renderClosingComment(planned, options.runUrl));
        await store.update(open.number, {
          body: body(),
          state: 'closed',
          stateReason: 'completed',
        });
        break;
      }
      case 'none': {
        if (open || !state || report.status === 'failed') break;
        const counting =
          thresholdPart(state) !== thresholdPart(found.lastClosed?.marker.state ?? null);
        // The trend goes on while the workspace is healthy: the closed issue keeps it, so the
        // chart of the next outage shows the quiet runs before it too.
        const trending =
          found.lastClosed !== null &&
          JSON.stringify(state.history ?? []) !==
            JSON.stringify(found.lastClosed.marker.state?.history ?? []);
        if (!counting && !trending) break;
        // failure_threshold > 1 counts failing runs before anything opens, and the only place
        // a scheduled workflow keeps state is an issue body. A closed tracking issue keeps it
        // silently (editing a body notifies nobody).
        if (found.lastClosed) {
          step = `keep the tracking state in closed issue #${found.lastClosed.number}`;
          await store.update(found.lastClosed.number, { body: body(true) });
        } else if (Object.values(state.findings).some((f) => f.errorRuns > 0)) {
          // No issue exists yet to count in: create it closed, once per repository.
          step = 'create a closed issue to count failing runs in';
          await store.ensureLabels(labels);
          const holder = await store.create({
            title: options.title,
            body: body(true),
            labels,
            assignees: [],
          });
          await store.update(holder.issue.number, { state: 'closed', stateReason: 'not_planned' });
          warnings.push(
            `created issue #${holder.issue.number} closed, to count failing runs toward failure_threshold ${config.failure_threshold}; it reopens when the threshold is reached`,
          );
        }
        break;
      }
    }
    return { regressed: planned.regressed, action: planned.action, warnings, trend, ...result };
  } catch (err) {
    return {
      regressed: planned?.regressed ?? false,
      action: planned?.action ?? 'none',
      warnings,
      trend,
      ...result,
      error: toTrackingError(err, repo, step),
    };
  }
}

/** The planned state with the trend: the planner decides the issue, the history rides along. */
function withTrend(state: TrackingState | null, trend: TrendPoint[]): TrackingState | null {
  if (!state) return null;
  return trend.length > 0 ? { ...state, history: trend } : state;
}

async function closeDuplicate(
  store: IssueStore,
  duplicate: IssueSummary,
  keptNumber: number,
): Promise<void> {
  if (duplicate.number === keptNumber) return;
  await store.comment(duplicate.number, renderDuplicateComment(keptNumber));
  await store.update(duplicate.number, { state: 'closed', stateReason: 'duplicate' });
}

/**
 * Two runs can both find no issue and both create one. After creating, list again: the oldest
 * open issue for the workspace wins, and every run closes the others, so whatever the
 * interleaving, one stays open.
 */
async function settleRace(
  store: IssueStore,
  label: string,
  workspaceId: string,
  created: IssueSummary,
): Promise<IssueSummary> {
  const open = (await store.listOpen(label))
    .filter((i) => i.marker.workspaceId === workspaceId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
  const kept = open[0] ?? created;
  for (const other of open.slice(1)) {
    if (other.number === created.number) await closeDuplicate(store, other, kept.number);
  }
  return kept;
}
