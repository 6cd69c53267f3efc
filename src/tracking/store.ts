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
  /** Login of the issue's author (`user.login`); empty when GitHub did not say. */
  author: string;
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
  /**
   * Who this token acts as: the token's user for a personal access token; a GitHub App for an
   * installation token (`GITHUB_TOKEN` writes as `github-actions[bot]`), which cannot read
   * `GET /user`.
   */
  whoAmI(): Promise<Identity>;
  /** Open issues with the label, every page (pull requests left out). */
  listOpen(label: string): Promise<IssueSummary[]>;
  /**
   * The most recently closed issue with the label that names the workspace (not a duplicate)
   * and was created by `me` (see `isOurs`).
   */
  findLastClosed(
    label: string,
    /** null: any workspace (the run could not identify its own). */
    workspaceId: string | null,
    me: Identity,
  ): Promise<IssueSummary | null>;
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

/**
 * The account a token acts as. An installation token cannot learn its app's login without the
 * app's private key, so it is `app`: issues authored by a GitHub App account (`…[bot]`), which
 * only an app a repository admin installed can be. `GITHUB_TOKEN` is one (`github-actions[bot]`).
 */
export type Identity = { kind: 'user'; login: string } | { kind: 'app' };

/**
 * Ours: created by the identity this token acts as, and carrying our marker. Anything else is a
 * person's (a hand-filed issue with the label, an issue template, a forged marker by another
 * account) and is never edited, commented, closed or reopened (contract section 5).
 */
export function isOurs(issue: Pick<IssueSummary, 'author' | 'marker'>, me: Identity): boolean {
  if (!issue.marker.present) return false;
  return me.kind === 'app'
    ? /\[bot\]$/i.test(issue.author)
    : issue.author.toLowerCase() === me.login.toLowerCase();
}

export interface LocateOptions {
  /** See `IssueStore.whoAmI`. */
  me: Identity;
  /**
   * Several workspaces report into the repository: a broken marker that no longer names a
   * workspace could be any of theirs, so it is not adopted.
   */
  agency: boolean;
}

export async function locate(
  store: IssueStore,
  label: string,
  workspaceId: string,
  { me, agency }: LocateOptions,
): Promise<LocatedIssues> {
  const warnings: string[] = [];
  const open = (await store.listOpen(label)).filter((i) => isOurs(i, me));
  const mine = open.filter((i) => i.marker.workspaceId === workspaceId).sort(byAge);
  let chosen = mine[0] ?? null;
  if (!chosen && !agency) {
    // A marker a person broke no longer names its workspace. Reuse such an issue (ours: same
    // author) rather than open a second one: one workspace per repository is the common case.
    const unreadable = open.filter((i) => i.marker.workspaceId === null).sort(byAge)[0];
    if (unreadable) {
      chosen = unreadable;
      warnings.push(
        `issue #${unreadable.number} has the label "${label}" but its tracking state cannot be read (${unreadable.marker.warning ?? 'unknown reason'}); reusing it`,
      );
    }
  } else if (chosen?.marker.warning) {
    warnings.push(`issue #${chosen.number}: ${chosen.marker.warning}`);
  }
  const closed = chosen ? null : await store.findLastClosed(label, workspaceId, me);
  const lastClosed = closed && isOurs(closed, me) ? closed : null;
  return { open: chosen, duplicates: mine.slice(1), lastClosed, warnings };
}
