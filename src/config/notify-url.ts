/**
 * The notification URL's rule (contract section 7), in one place for the input, the flag and
 * the config file. The URL is a secret (a Slack or Discord webhook URL carries its token in the
 * path), so a message names at most its scheme and host.
 */

/** Hosts that may be reached over plain http: the machine itself (tests, a local relay). */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `raw` cannot be a notification URL, or undefined when it can. */
export function notifyUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL; give the webhook URL your chat tool shows, e.g. https://hooks.slack.com/services/…';
  }
  if (url.username !== '' || url.password !== '') {
    return 'contains a user name or password; webhook URLs carry their token in the path';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(url.hostname)
      ? undefined
      : `uses http:// with ${url.host}: only loopback hosts (localhost, 127.0.0.1, [::1]) may; use https://`;
  }
  return `expected an https:// URL, got a ${url.protocol} URL`;
}
