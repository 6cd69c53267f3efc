import { readMarker } from '../../src/tracking/marker.js';
import {
  isOurs,
  type Identity,
  type IssueChange,
  type IssueStore,
  type IssueSummary,
  type NewIssue,
} from '../../src/tracking/store.js';

interface StoredIssue extends NewIssue {
  number: number;
  state: 'open' | 'closed';
  stateReason: string | null;
  createdAt: string;
  closedAt: string | null;
  comments: string[];
  author: string;
}

/**
 * An `IssueStore` in memory, for the planner's and track's unit tests: no HTTP, no octokit.
 * Every write is also logged as one line (`create #1 open`, `comment #1`...), so a test can
 * assert the exact sequence of effects. The HTTP fake (test/fakes/github) stays for the
 * octokit adapter and the end-to-end tests.
 */
export class MemoryIssueStore implements IssueStore {
  readonly issues: StoredIssue[] = [];
  readonly labels = new Set<string>();
  readonly writes: string[] = [];

  /** Who this store's token acts as; issues it creates are authored by `login`. */
  me: Identity = { kind: 'app' };
  login = 'github-actions[bot]';

  constructor(private readonly now: () => Date) {}

  whoAmI(): Promise<Identity> {
    return Promise.resolve(this.me);
  }

  private summary(issue: StoredIssue): IssueSummary {
    return {
      number: issue.number,
      state: issue.state,
      stateReason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      htmlUrl: `https://github.com/acme/ops/issues/${issue.number}`,
      createdAt: issue.createdAt,
      closedAt: issue.closedAt,
      author: issue.author,
      marker: readMarker(issue.body),
    };
  }

  private find(number: number): StoredIssue {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) throw Object.assign(new Error(`no issue #${number}`), { status: 404 });
    return issue;
  }

  listOpen(label: string): Promise<IssueSummary[]> {
    return Promise.resolve(
      this.issues
        .filter((i) => i.state === 'open' && i.labels.includes(label))
        .map((i) => this.summary(i)),
    );
  }

  findLastClosed(
    label: string,
    workspaceId: string | null,
    me: Identity,
  ): Promise<IssueSummary | null> {
    const closed = this.issues
      .filter((i) => i.state === 'closed' && i.labels.includes(label))
      .map((i) => this.summary(i))
      .filter(
        (i) =>
          isOurs(i, me) &&
          i.marker.workspaceId !== null &&
          (workspaceId === null || i.marker.workspaceId === workspaceId) &&
          i.stateReason !== 'duplicate',
      )
      .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
    return Promise.resolve(closed[0] ?? null);
  }

  ensureLabels(labels: readonly string[]): Promise<void> {
    for (const label of labels) this.labels.add(label);
    return Promise.resolve();
  }

  create(input: NewIssue): Promise<{ issue: IssueSummary; warnings: string[] }> {
    const issue: StoredIssue = {
      ...input,
      number: this.issues.length + 1,
      state: 'open',
      stateReason: null,
      createdAt: this.now().toISOString(),
      closedAt: null,
      comments: [],
      author: this.login,
    };
    this.issues.push(issue);
    this.writes.push(`create #${issue.number}`);
    return Promise.resolve({ issue: this.summary(issue), warnings: [] });
  }

  update(number: number, change: IssueChange): Promise<IssueSummary> {
    const issue = this.find(number);
    if (change.body !== undefined) issue.body = change.body;
    if (change.state !== undefined && change.state !== issue.state) {
      issue.state = change.state;
      issue.closedAt = change.state === 'closed' ? this.now().toISOString() : null;
    }
    if (change.stateReason !== undefined) issue.stateReason = change.stateReason;
    const what = [
      change.body === undefined ? '' : 'body',
      change.state === undefined
        ? ''
        : `${change.state}${change.stateReason ? ` (${change.stateReason})` : ''}`,
    ]
      .filter(Boolean)
      .join(', ');
    this.writes.push(`update #${number}: ${what}`);
    return Promise.resolve(this.summary(issue));
  }

  comment(number: number, body: string): Promise<void> {
    this.find(number).comments.push(body);
    this.writes.push(`comment #${number}`);
    return Promise.resolve();
  }
}
