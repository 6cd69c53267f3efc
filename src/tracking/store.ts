import type { MarkerReading } from './marker.js';

/**
 * What tracking needs of an issue tracker, as an interface: the octokit adapter
 * (src/tracking/github.ts) in production, an in-memory store in the planner's and track's unit
 * tests. `locate` is written once, over the interface.
 */

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface IssueSummary {
  number: number;
  state: 'open' | 'closed';
  stateReason: string | null;
  title: string;
  body: string;
  htmlUrl: string;
  createdAt: string;
  closedAt: string | null;
  marker: MarkerReading;
}

export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

export interface IssueChange {
  body?: string;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
}

export interface IssueStore {
  /** Open issues with the label, every page (pull requests left out). */
  listOpen(label: string): Promise<IssueSummary[]>;
  /** The most recently closed issue with the label that names the workspace (not a duplicate). */
  findLastClosed(label: string, workspaceId: string): Promise<IssueSummary | null>;
  /** Creates each label that does not exist yet. */
  ensureLabels(labels: readonly string[]): Promise<void>;
  /** Creates the issue; an assignee the tracker refuses leaves it unassigned, with a warning. */
  create(input: NewIssue): Promise<{ issue: IssueSummary; warnings: string[] }>;
  update(number: number, change: IssueChange): Promise<IssueSummary>;
  comment(number: number, body: string): Promise<void>;
}

/** The workspace's tracking issues as found in the repository. */
export interface LocatedIssues {
  /** The open issue to use (the oldest one naming the workspace). */
  open: IssueSummary | null;
  /** Other open issues naming the workspace: two runs raced; they are closed as duplicates. */
  duplicates: IssueSummary[];
  /** The most recently closed one naming the workspace (not a duplicate). */
  lastClosed: IssueSummary | null;
  warnings: string[];
}

export const byAge = (a: IssueSummary, b: IssueSummary): number =>
  a.createdAt.localeCompare(b.createdAt) || a.number - b.number;

export async function locate(
  store: IssueStore,
  label: string,
  workspaceId: string,
): Promise<LocatedIssues> {
  const warnings: string[] = [];
  const open = await store.listOpen(label);
  const mine = open.filter((i) => i.marker.workspaceId === workspaceId).sort(byAge);
  let chosen = mine[0] ?? null;
  if (!chosen) {
    // A marker a person broke no longer names its workspace. Reuse such an issue rather than
    // open a second one: one workspace per repository is the common case.
    const unreadable = open.filter((i) => i.marker.workspaceId === null).sort(byAge)[0];
    if (unreadable) {
      chosen = unreadable;
      warnings.push(
        `issue #${unreadable.number} has the label "${label}" but its tracking state cannot be read (${unreadable.marker.warning ?? 'unknown reason'}); reusing it`,
      );
    }
  } else if (chosen.marker.warning) {
    warnings.push(`issue #${chosen.number}: ${chosen.marker.warning}`);
  }
  const lastClosed = chosen ? null : await store.findLastClosed(label, workspaceId);
  return { open: chosen, duplicates: mine.slice(1), lastClosed, warnings };
}
