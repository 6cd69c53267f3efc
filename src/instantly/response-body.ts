import { z } from 'zod';
import type { ApiErrorBody } from './errors.js';
import { errorBodySchema } from './envelope.js';

/**
 * Turning a raw HTTP body into something a report can show: Instantly's error envelope when the
 * body has one, a one-line summary when it is a web page, never the page itself.
 */

const SNIPPET_CHARS = 160;
/**
 * Instantly's answers nest a handful of levels (a campaign's sequences, steps, variants); past
 * this, a value is replaced by a note. Deeper JSON would overflow the stack of every recursive
 * reader after the client (schema validation, the report's JSON.stringify).
 */
export const MAX_JSON_DEPTH = 64;
export const TOO_DEEP = `[nested deeper than ${MAX_JSON_DEPTH} levels]`;
/** How much of an HTML page is searched for its <title>: the head, never the whole page. */
const TITLE_SEARCH_CHARS = 16 * 1024;

export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /\bjson\b/i.test(contentType);
}

export type ParsedBody = { json: true; value: unknown } | { json: false; text: string };

/** JSON when the server says so or the text is JSON anyway (some proxies drop the header). */
export function parseBody(text: string, contentType: string | undefined): ParsedBody {
  const trimmed = text.trim();
  if (isJsonContentType(contentType) || /^[[{]/.test(trimmed)) {
    try {
      return { json: true, value: JSON.parse(trimmed) as unknown };
    } catch {
      return { json: false, text };
    }
  }
  return { json: false, text };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max = SNIPPET_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  return /html/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body)\b/i.test(text);
}

/** A short readable description of a body that is not JSON. */
export function describeNonJson(status: number, text: string, contentType: string | undefined) {
  if (looksLikeHtml(text, contentType)) {
    if (status === 403) return "blocked by Instantly's CDN (HTML 403); check User-Agent / network";
    const title = htmlTitle(text);
    const label = title ? collapse(title.replace(/<[^>]*>/g, '')) : '';
    return `HTML error page instead of JSON (${status}${label ? `: ${truncate(label, 80)}` : ''})`;
  }
  const snippet = collapse(text.slice(0, SNIPPET_CHARS * 8));
  if (snippet === '') return `empty body (${status})`;
  return `non-JSON body (${status}): ${truncate(snippet)}`;
}

/**
 * The page's <title> text, found with indexOf in the page's head only: linear in a bounded
 * prefix whatever the page holds (a lazy regex over a page of unclosed `<title` tags was
 * quadratic: 155 s for a 1.2 MB 502 page).
 */
export function htmlTitle(text: string): string | undefined {
  const head = text.slice(0, TITLE_SEARCH_CHARS);
  const lower = head.toLowerCase();
  const open = lower.indexOf('<title');
  if (open < 0) return undefined;
  const start = lower.indexOf('>', open);
  if (start < 0) return undefined;
  const end = lower.indexOf('</title', start);
  return head.slice(start + 1, end < 0 ? Math.min(head.length, start + 1 + 512) : end);
}

/**
 * Makes a freshly parsed JSON value safe to keep, in place and without recursion: anything
 * nested deeper than `MAX_JSON_DEPTH` becomes `TOO_DEEP`, and every string goes through `clean`
 * (with the key it is stored under, so an address field can be told from free text).
 */
export function boundDecoded(
  value: unknown,
  clean: (text: string, key: string | undefined) => string,
): unknown {
  if (typeof value === 'string') return clean(value, undefined);
  if (typeof value !== 'object' || value === null) return value;
  const stack: [Record<string, unknown> | unknown[], number][] = [
    [value as Record<string, unknown>, 1],
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [container, depth] = next;
    const record = container as Record<string, unknown>;
    const isArray = Array.isArray(container);
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === 'string') {
        record[key] = clean(child, isArray ? undefined : key);
      } else if (typeof child === 'object' && child !== null) {
        if (depth >= MAX_JSON_DEPTH) record[key] = TOO_DEEP;
        else stack.push([child as Record<string, unknown>, depth + 1]);
      }
    }
  }
  return value;
}

/** Instantly's `{statusCode, error, message}`, read by the rule in docs/instantly-api.md ("Errors"), when the body has any of it. */
export function readApiError(status: number, value: unknown): ApiErrorBody | undefined {
  const parsed = errorBodySchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { statusCode, error, message } = parsed.data;
  if (statusCode === undefined && error === undefined && message === undefined) return undefined;
  return {
    statusCode: statusCode ?? status,
    error: truncate(collapse(error ?? '')),
    message: truncate(collapse(message ?? error ?? '')),
  };
}

/** `items[3].status: expected number, received string`, a few issues only, never the values. */
export function describeSchemaMismatch(error: z.ZodError, maxIssues = 3): string {
  const lines = error.issues.slice(0, maxIssues).map((issue) => {
    const path = formatPath(issue.path);
    return `${path === '' ? '(root)' : path}: ${truncate(collapse(issue.message), 120)}`;
  });
  const more = error.issues.length - maxIssues;
  return lines.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key)).slice(0, 60)}]`;
  }
  return out;
}

/**
 * Some endpoints answer 200 with `{"error": "ACC_AUTH_ERROR"}`. The body is such an error when it
 * is an object with a string `error` and either fails the schema or carries none of the fields
 * the schema expects (a schema of all-optional fields would otherwise accept it).
 */
export function errorIn200(
  value: unknown,
  schema: z.ZodType,
  schemaAccepts: boolean,
): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const error = (value as Record<string, unknown>).error;
  if (typeof error !== 'string') return undefined;
  if (!schemaAccepts) return error;
  if (schema instanceof z.ZodObject) {
    const expected = Object.keys(schema.shape as Record<string, unknown>).filter(
      (k) => k !== 'error',
    );
    if (expected.length > 0 && !expected.some((k) => k in value)) return error;
  }
  return undefined;
}
