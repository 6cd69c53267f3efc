import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { createProxyFetch } from '../net/proxy.js';
import { readMarker } from './marker.js';
import {
  isOurs,
  type Identity,
  type IssueChange,
  type IssueStore,
  type IssueSummary,
  type NewIssue,
  type RepoRef,
} from './store.js';

export type { IssueSummary, RepoRef } from './store.js';

/**
 * The GitHub side of tracking: octokit with the retry and throttling plugins, and the few issue
 * operations tracking needs. Issues are found by listing the first label (paginated), never
 * through the search API, whose index lags and whose rate limit is tight.
 */

export type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  /** API root; defaults to `GITHUB_API_URL` (GitHub Enterprise sets it), then api.github.com. */
  baseUrl?: string;
  /** Milliseconds per second of the plugins' waits (1000 in production; tests use ~1). */
  retryAfterBaseMs?: number;
  /** Retries of a 5xx (the retry plugin) and of a rate-limited request (throttling). */
  retries?: number;
  /**
   * octokit's throttling spaces writes 1 s apart (3 s for ones that notify), as GitHub asks of
   * integrations. Off only in tests, where it would make a multi-run test take minutes.
   */
  spaceWrites?: boolean;
  /** Debug log (never receives the token). */
  log?: (message: string) => void;
  /** Each request's own limit (default 30 s): a timed-out request may be retried. */
  requestTimeoutMs?: number;
  /**
   * The tracking phase's deadline: when it aborts, every request in flight ends at once and is
   * not retried (its reason is an `AbortError`, which octokit's retry plugin passes through).
   */
  signal?: AbortSignal;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** fetch with a timeout per request and the phase's deadline on top of the caller's signal. */
function boundedFetch(
  inner: typeof fetch,
  timeoutMs: number,
  deadline: AbortSignal | undefined,
): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = [timeout];
    if (deadline) signals.push(deadline);
    if (init?.signal) signals.push(init.signal);
    return inner(input, { ...init, signal: AbortSignal.any(signals) }).catch((err: unknown) => {
      // A request's own timeout is an ordinary failure (octokit may retry it), said plainly;
      // the phase's deadline stays an AbortError, which is not retried.
      if (timeout.aborted && !deadline?.aborted && !init?.signal?.aborted) {
        throw new Error(`no answer within ${Math.ceil(timeoutMs / 1000)} s`);
      }
      throw err;
    });
  };
}

/** A Bottleneck group stand-in that runs jobs at once (see `spaceWrites`). */
const immediateGroup = {
  key: () => ({
    schedule: (...args: unknown[]): unknown => {
      const rest = typeof args[0] === 'function' ? args : args.slice(1);
      const [job, ...jobArgs] = rest as [(...a: unknown[]) => unknown, ...unknown[]];
      return job(...jobArgs);
    },
  }),
};

export function createGitHubClient(token: string, options: GitHubClientOptions = {}): Octokit {
  const baseUrl = (
    options.baseUrl ??
    (process.env.GITHUB_API_URL || undefined) ??
    'https://api.github.com'
  ).replace(/\/+$/, '');
  const base = options.retryAfterBaseMs ?? 1000;
  const retries = options.retries ?? 3;
  const log = options.log ?? (() => undefined);
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method?: string; url?: string },
      _o: unknown,
      count: number,
    ) => {
      log(
        `GitHub ${kind} rate limit on ${String(request.method)} ${String(request.url)}; retry ${count + 1} in ${retryAfter}s`,
      );
      return count < retries;
    };
  return getOctokit(
    token,
    {
      baseUrl,
      // HTTP(S)_PROXY / NO_PROXY, decided per request URL (see src/net/proxy.ts).
      request: {
        fetch: boundedFetch(
          createProxyFetch(),
          options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
          options.signal,
        ),
      },
      retry: { retries, retryAfterBaseValue: base },
      throttle: {
        retryAfterBaseValue: base,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        ...(options.spaceWrites === false
          ? { write: immediateGroup as never, notifications: immediateGroup as never }
          : {}),
      },
    },
    retry,
    throttling,
  );
}

interface RawIssue {
  number: number;
  state: string;
  state_reason?: string | null;
  title: string;
  body?: string | null;
  html_url: string;
  created_at: string;
  closed_at: string | null;
  user?: { login?: string } | null;
  pull_request?: unknown;
}

function summarize(issue: RawIssue): IssueSummary {
  const body = issue.body ?? '';
  return {
    number: issue.number,
    state: issue.state === 'closed' ? 'closed' : 'open',
    stateReason: issue.state_reason ?? null,
    title: issue.title,
    body,
    htmlUrl: issue.html_url,
    createdAt: issue.created_at,
    closedAt: issue.closed_at,
    author: issue.user?.login ?? '',
    marker: readMarker(body),
  };
}

/** The octokit adapter of `IssueStore`. */
export class OctokitIssueStore implements IssueStore {
  constructor(
    private readonly octokit: Octokit,
    private readonly repo: RepoRef,
  ) {}

  private identity: Promise<Identity> | undefined;

  /**
   * `GET /user` names the user of a personal access token (classic or fine-grained). An
   * installation token (`GITHUB_TOKEN`) cannot read it: GitHub answers 403 "Resource not
   * accessible by integration", and the issues such a token creates are authored by
   * `github-actions[bot]`. Asked once per store.
   */
  whoAmI(): Promise<Identity> {
    this.identity ??= this.octokit.rest.users.getAuthenticated().then(
      ({ data }): Identity => ({ kind: 'user', login: data.login }),
      (err: unknown): Identity => {
        if (statusOf(err) === 403) return { kind: 'app' };
        throw err;
      },
    );
    return this.identity;
  }

  /** Open issues with the label, every page (pull requests left out). */
  async listOpen(label: string): Promise<IssueSummary[]> {
    const issues = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
      ...this.repo,
      labels: label,
      state: 'open',
      per_page: 100,
    });
    return (issues as RawIssue[]).filter((i) => i.pull_request === undefined).map(summarize);
  }

  /**
   * The most recently closed issue with the label that names the workspace: pages sorted by
   * last update, stopping at the first page that has one (a closed issue is rarely touched).
   */
  async findLastClosed(
    label: string,
    workspaceId: string | null,
    me: Identity,
    maxPages = 5,
  ): Promise<IssueSummary | null> {
    let pages = 0;
    for await (const response of this.octokit.paginate.iterator(
      this.octokit.rest.issues.listForRepo,
      {
        ...this.repo,
        labels: label,
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
      },
    )) {
      const matching = (response.data as RawIssue[])
        .filter((i) => i.pull_request === undefined)
        .map(summarize)
        .filter(
          (i) =>
            isOurs(i, me) &&
            i.marker.workspaceId !== null &&
            (workspaceId === null || i.marker.workspaceId === workspaceId) &&
            i.stateReason !== 'duplicate',
        )
        .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
      if (matching[0]) return matching[0];
      if (++pages >= maxPages) break;
    }
    return null;
  }

  /** Creates each label that does not exist yet (a 422 means another run just created it). */
  async ensureLabels(labels: readonly string[]): Promise<void> {
    for (const name of labels) {
      try {
        await this.octokit.rest.issues.getLabel({ ...this.repo, name });
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
        try {
          await this.octokit.rest.issues.createLabel({
            ...this.repo,
            name,
            color: 'd93f0b',
            description: 'Tracked by instantly-health',
          });
        } catch (createErr) {
          if (statusOf(createErr) !== 422) throw createErr;
        }
      }
    }
  }

  async create(input: NewIssue): Promise<{ issue: IssueSummary; warnings: string[] }> {
    try {
      const { data } = await this.octokit.rest.issues.create({ ...this.repo, ...input });
      return { issue: summarize(data), warnings: [] };
    } catch (err) {
      // An assignee who cannot be assigned (a typo, no access) fails the whole create; the
      // issue matters more than the assignment.
      if (statusOf(err) !== 422 || input.assignees.length === 0) throw err;
      const { data } = await this.octokit.rest.issues.create({
        ...this.repo,
        ...input,
        assignees: [],
      });
      return {
        issue: summarize(data),
        warnings: [
          `could not assign ${input.assignees.join(', ')} (GitHub refused: check the logins and that they have access); created the issue unassigned`,
        ],
      };
    }
  }

  async update(number: number, change: IssueChange): Promise<IssueSummary> {
    const { data } = await this.octokit.rest.issues.update({
      ...this.repo,
      issue_number: number,
      ...(change.body === undefined ? {} : { body: change.body }),
      ...(change.state === undefined ? {} : { state: change.state }),
      ...(change.stateReason === undefined ? {} : { state_reason: change.stateReason }),
    });
    return summarize(data);
  }

  async comment(number: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ ...this.repo, issue_number: number, body });
  }
}

export function statusOf(err: unknown): number | undefined {
  if (
    typeof err === 'object' &&
    err !== null &&
    'status' in err &&
    typeof err.status === 'number'
  ) {
    return err.status;
  }
  return undefined;
}
