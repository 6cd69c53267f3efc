/**
 * Where a reader meets the tool: the GitHub Action (inputs, secrets, a schedule) or the CLI
 * (flags, environment variables, a shell). The one place that decides how a hint names a
 * setting on each, so a CLI user is never told to "raise the `timeout` input".
 */
export type Surface = 'action' | 'cli';

export interface Wording {
  timeout: string;
  baseUrl: string;
  rateLimit: string;
  workspaceId: string;
  /** How to check less, so a run fits in its time. */
  narrow: string;
  /** Where the API key goes. */
  storeKey: string;
  /** Whose network reaches the API. */
  network: string;
  /** What happens after an outage. */
  retry: string;
  /** What a relative path in the config is relative to. */
  relativeTo: string;
}

export const WORDING: Record<Surface, Wording> = {
  action: {
    timeout: 'the `timeout` input',
    baseUrl: 'the `base-url` input',
    rateLimit: 'the `rate-limit` input',
    workspaceId: 'the `workspace-id` input',
    narrow: '`checks`, `campaigns.include`',
    storeKey: 'store it as the `INSTANTLY_API_KEY` secret',
    network: 'the runner’s network access',
    retry: 'the run is retried on the next schedule',
    relativeTo: 'relative to the repository root',
  },
  cli: {
    timeout: '`--timeout`',
    baseUrl: '`--base-url`',
    rateLimit: '`--rate-limit`',
    workspaceId: '`--workspace-id`',
    narrow: '`--checks`, `--campaign`, or `campaigns.include` in the config file',
    storeKey:
      'put it in the `INSTANTLY_API_KEY` environment variable without typing it into a command: `read -rs INSTANTLY_API_KEY && export INSTANTLY_API_KEY`',
    network: 'this machine’s network access (a proxy: HTTPS_PROXY)',
    retry: 'run the check again once it is back',
    relativeTo: 'relative to the current directory',
  },
};
