import { SUITE_NAMES, type SuiteName } from '../model/report.js';
import { quote } from './describe.js';
import type { Problems } from './errors.js';
import { HeartbeatConfig } from './schema.js';
import { LOOPBACK_HOSTS, notifyUrlProblem } from './notify-url.js';
import { NOTIFY_FORMATS, type NotifyFormat } from './schema.js';
import { didYouMean } from './suggest.js';

/**
 * Validators shared by the action inputs and the CLI flags. Each takes the raw text, the name
 * people know the value by (`input timeout`, `--timeout`) and a problem collector, and returns
 * the value or undefined after recording what is wrong and how to fix it.
 */

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** `12`, `0.5`: plain decimals only (Number() would also take '0x10', '1e3' and ''). */
const DECIMAL = /^\d+(\.\d+)?$/;

/** Suites, comma- or newline-separated; undefined when none is given. */
export function parseSuites(
  raw: string,
  source: string,
  problems: Problems,
): SuiteName[] | undefined {
  const names = raw
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) return undefined;
  const suites: SuiteName[] = [];
  for (const name of names) {
    const suite = SUITE_NAMES.find((s) => s === name.toLowerCase());
    if (suite === undefined) {
      problems.add({
        source,
        message: `unknown suite ${quote(name)}${didYouMean(name, SUITE_NAMES)}`,
        hint: `The suites are ${SUITE_NAMES.join(', ')}.`,
      });
    } else if (!suites.includes(suite)) {
      suites.push(suite);
    }
  }
  return suites;
}

/** `auth` always runs, and first; the others in their usual order. */
export function withAuthFirst(suites: readonly SuiteName[]): SuiteName[] {
  return SUITE_NAMES.filter((s) => s === 'auth' || suites.includes(s));
}

export function parseRateLimit(
  raw: string,
  source: string,
  problems: Problems,
): number | undefined {
  const value = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
  if (!(value > 0 && value <= 100)) {
    problems.add({
      source,
      message: `expected a number of requests per second above 0 and at most 100, got ${quote(raw)}`,
      hint: 'The workspace shares one rate limit across all keys and tools; 10 leaves room for the others.',
    });
    return undefined;
  }
  return value;
}

/** GitHub stops any job after 6 hours; a longer deadline could only hide a hang. */
export const MAX_TIMEOUT_SECONDS = 6 * 60 * 60;

export function parseTimeout(raw: string, source: string, problems: Problems): number | undefined {
  const value = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
  if (!(value > 0 && value <= MAX_TIMEOUT_SECONDS)) {
    problems.add({
      source,
      message: `expected a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}, got ${quote(raw)}`,
      hint: 'The default, 300, checks even large workspaces.',
    });
    return undefined;
  }
  return value;
}

export function parseFailOn(raw: string, source: string, problems: Problems): FailOn | undefined {
  const value = FAIL_ON.find((f) => f === raw.toLowerCase());
  if (value === undefined) {
    problems.add({
      source,
      message: `expected one of ${FAIL_ON.join(', ')}, got ${quote(raw)}${didYouMean(raw, FAIL_ON)}`,
    });
  }
  return value;
}

export function parseBoolean(raw: string, source: string, problems: Problems): boolean | undefined {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  problems.add({ source, message: `expected true or false, got ${quote(raw)}` });
  return undefined;
}

/**
 * The API origin. https only, because the key travels in a header; plain http only to loopback
 * (the simulator, a local proxy). No path: requests go to `<origin>/api/v2/...`, and a path would
 * silently double it.
 */
export function parseBaseUrl(raw: string, source: string, problems: Problems): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.add({
      source,
      message: `not a URL: ${quote(raw)}`,
      hint: 'Give the API origin, e.g. https://api.instantly.ai.',
    });
    return undefined;
  }
  // Never echo credentials back into logs or the summary.
  const shown = `${url.protocol}//${url.host}${url.pathname}`;
  const schemeOk =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  const fixed = schemeOk ? url.origin : `https://${url.host}`;
  const before = problems.list.length;
  if (url.username !== '' || url.password !== '') {
    problems.add({
      source,
      message: 'the URL contains a user name or password',
      hint: 'Remove them: the API key is sent in a header.',
    });
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    problems.add({
      source,
      message: `http:// is only allowed for loopback hosts (localhost, 127.0.0.1, [::1]), got ${quote(shown)}`,
      hint: `Use https://${url.host}.`,
    });
  } else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.add({
      source,
      message: `expected an https:// URL, got ${quote(shown)}`,
      hint: 'Give the API origin, e.g. https://api.instantly.ai.',
    });
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    problems.add({
      source,
      message: `expected only an origin (scheme, host and port), got ${quote(raw.includes('@') ? shown : raw)}`,
      hint: `Use ${fixed}: requests go to <base-url>/api/v2/... by themselves.`,
    });
  }
  return problems.list.length === before ? url.origin : undefined;
}

/**
 * The API key is checked without ever being echoed. Whitespace is the usual accident (a secret
 * pasted with its trailing newline), and would otherwise surface as a confusing 401.
 */
export function checkApiKey(
  raw: string,
  source: string,
  problems: Problems,
  whenEmpty: { message: string; hint: string },
): string | undefined {
  if (raw === '') {
    problems.add({ source, ...whenEmpty });
    return undefined;
  }
  if (/^bearer\s/i.test(raw)) {
    problems.add({
      source,
      message: 'the key starts with "Bearer "',
      hint: 'Give the key alone: the Authorization header is added for you.',
    });
    return undefined;
  }
  if (/\s/.test(raw)) {
    problems.add({
      source,
      message: 'the key contains whitespace (a trailing newline from the secret?)',
      hint: 'Store the key alone, with no spaces or line breaks, and run again.',
    });
    return undefined;
  }
  if (!/^[\x21-\x7e]+$/.test(raw)) {
    problems.add({
      source,
      message: 'the key contains characters that cannot be sent in an HTTP header',
      hint: 'Copy the key again from Instantly (Settings → Integrations → API keys).',
    });
    return undefined;
  }
  return raw;
}

/** Instantly ids are UUIDs; letters, digits, `-` and `_` keep the header and URL paths safe. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;

export function parseId(
  raw: string,
  source: string,
  what: string,
  problems: Problems,
): string | undefined {
  if (!ID.test(raw)) {
    problems.add({
      source,
      message: `expected a ${what} id (letters, digits and dashes), got ${quote(raw)}`,
      hint: `Copy the ${what} id from Instantly (it looks like 0199c1d2-…).`,
    });
    return undefined;
  }
  return raw;
}

/** An http(s) URL; the value is a secret, so a message never repeats it. */
export function parseHeartbeatUrl(
  raw: string,
  src: string,
  problems: Problems,
): string | undefined {
  if (HeartbeatConfig.shape.url.safeParse(raw).success) return raw;
  problems.add({
    source: src,
    message: 'is not an http(s) URL without a query string',
    hint: 'Pass the ping URL of your dead-man’s-switch service from a secret, e.g. `heartbeat-url: ${{ secrets.HEARTBEAT_URL }}`.',
  });
  return undefined;
}

/** `notify-url` / `--notify-url`: https, or http to loopback; the URL itself is never echoed. */
export function parseNotifyUrl(
  raw: string,
  source: string,
  problems: Problems,
): string | undefined {
  const problem = notifyUrlProblem(raw);
  if (problem === undefined) return raw;
  problems.add({
    source,
    message: problem,
    hint: 'Store the webhook URL as a secret and pass it: `notify-url: ${{ secrets.NOTIFY_URL }}`.',
  });
  return undefined;
}

/** `notify-format` / `--notify-format`. */
export function parseNotifyFormat(
  raw: string,
  source: string,
  problems: Problems,
): NotifyFormat | undefined {
  const format = NOTIFY_FORMATS.find((f) => f === raw.toLowerCase());
  if (format) return format;
  problems.add({
    source,
    message: `expected one of ${NOTIFY_FORMATS.join(', ')}, got ${quote(raw)}${didYouMean(raw, NOTIFY_FORMATS)}`,
  });
  return undefined;
}
