import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';

/**
 * Outbound HTTP for both services (Instantly and GitHub) goes through one dispatcher kind:
 * undici's EnvHttpProxyAgent, which reads HTTP_PROXY / HTTPS_PROXY / NO_PROXY (lower case wins
 * over upper case, as curl does) and is a plain keep-alive Agent when none is set. Self-hosted
 * runners behind a corporate proxy have no direct route out, so a bare Agent fails there with
 * ENOTFOUND. Custom CAs come from NODE_EXTRA_CA_CERTS, which Node reads at start-up for every
 * TLS connection (undici's included); nothing here needs to know about it.
 */
export interface ProxyDispatcherOptions {
  keepAliveTimeout?: number;
  /** Connections per origin; null means no limit (undici's default). */
  connections?: number | null;
}

export function createProxyDispatcher(options: ProxyDispatcherOptions = {}): Dispatcher {
  return new EnvHttpProxyAgent({
    keepAliveTimeout: options.keepAliveTimeout ?? 10_000,
    connections: options.connections ?? null,
  });
}

/**
 * A fetch for octokit that honours the same variables. octokit's own default (through
 * @actions/github) decides on a proxy once, at import, for GITHUB_API_URL only; this one decides
 * per request URL, so a base URL given in options is covered too.
 */
export function createProxyFetch(dispatcher: Dispatcher = createProxyDispatcher()): typeof fetch {
  const proxied = (
    input: Parameters<typeof undiciFetch>[0],
    init?: Parameters<typeof undiciFetch>[1],
  ) => undiciFetch(input, { ...init, dispatcher });
  return proxied as unknown as typeof fetch;
}
