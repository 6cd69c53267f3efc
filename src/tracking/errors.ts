import { statusOf } from './github.js';
import type { RepoRef } from './store.js';

/** Why tracking could not finish; the report and job summary are written regardless. */
export interface TrackingError {
  kind: 'permission' | 'not-found' | 'auth' | 'rate-limited' | 'invalid' | 'github' | 'network';
  status?: number;
  message: string;
}

function githubMessage(err: unknown): string {
  const data =
    typeof err === 'object' && err !== null && 'response' in err
      ? (err.response as { data?: unknown } | undefined)?.data
      : undefined;
  if (
    typeof data === 'object' &&
    data !== null &&
    'message' in data &&
    typeof data.message === 'string'
  ) {
    return data.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * A message a person can act on, for any failure of a GitHub call. Built from the status and
 * GitHub's short message only: never from the request, which carries the token.
 */
export function toTrackingError(err: unknown, repo: RepoRef, doing: string): TrackingError {
  // octokit reports a connection failure as a status-500 RequestError without a response.
  const answered =
    typeof err === 'object' && err !== null && 'response' in err && err.response !== undefined;
  const status = answered ? statusOf(err) : undefined;
  const where = `${repo.owner}/${repo.repo}`;
  const said = githubMessage(err).slice(0, 300);
  if (status === 403 && /not accessible by integration/i.test(said)) {
    return {
      kind: 'permission',
      status,
      message:
        `Could not ${doing} in ${where}: the GitHub token lacks the permission (403 "Resource not accessible by integration"). ` +
        'Add `permissions: issues: write` to the workflow or job. Pull requests from forks always get a read-only token: ' +
        'set `create-issue: false` for those runs.',
    };
  }
  if (status === 403 || status === 429) {
    const limited = /rate limit/i.test(said);
    return {
      kind: limited ? 'rate-limited' : 'permission',
      status,
      message: limited
        ? `Could not ${doing} in ${where}: GitHub's rate limit still applied after retries (${status}: ${said}). The next run will catch up.`
        : `Could not ${doing} in ${where}: GitHub refused (${status}: ${said}). Check the token's permissions (\`permissions: issues: write\`).`,
    };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      status,
      message: `Could not ${doing}: repository ${where} was not found, or the token cannot see it (404). Check the repository name and that the token has access to it.`,
    };
  }
  if (status === 401) {
    return {
      kind: 'auth',
      status,
      message: `Could not ${doing} in ${where}: GitHub rejected the token (401 Bad credentials). Pass a valid \`github-token\`.`,
    };
  }
  if (status === 410) {
    return {
      kind: 'not-found',
      status,
      message: `Could not ${doing} in ${where}: issues are disabled in this repository (410). Enable them, or set \`create-issue: false\`.`,
    };
  }
  if (status === 422) {
    return {
      kind: 'invalid',
      status,
      message: `Could not ${doing} in ${where}: GitHub refused the request (422: ${said}).`,
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      kind: 'github',
      status,
      message: `Could not ${doing} in ${where}: GitHub kept failing after retries (${status}: ${said}). The next run will catch up.`,
    };
  }
  if (status !== undefined) {
    return {
      kind: 'github',
      status,
      message: `Could not ${doing} in ${where}: GitHub answered ${status} (${said}).`,
    };
  }
  return {
    kind: 'network',
    message: `Could not ${doing} in ${where}: GitHub could not be reached (${said}). Check GITHUB_API_URL and the network.`,
  };
}
