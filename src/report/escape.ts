/**
 * The one escaping module for every string that came from the API (campaign and account names,
 * emails, URLs, SMTP and webhook error messages) before it reaches a reader: markdown that GitHub
 * renders (job summary, issue body, comments), a terminal, or an annotation.
 *
 * Why not just backslashes: on GitHub, mentions (`@user`, `@org/team`), issue references (`#12`,
 * `GH-12`, `owner/repo#12`), commit SHAs and autolinks are created from the *rendered text*, after
 * markdown. `\@user` and `&#64;user` both render to the text `@user` and still mention. So, on top
 * of backslash escapes for markdown syntax, the tokens GitHub links are broken with an invisible
 * WORD JOINER (U+2060): `@⁠user` is not a mention, `#⁠12` not a reference, `http:⁠//x` not an
 * autolink. The reader sees the same characters. Text inside a code span is not linked by GitHub,
 * so `escapeCode` keeps the text verbatim there (copyable ids and emails).
 *
 * One rule per concept: what people copy out of a report (URLs, email addresses, domain names)
 * goes into a code span, verbatim, with no invisible character in it; everything else GitHub
 * would link (mentions, references, SHAs) is broken with the word joiner. Renovate and Dependabot
 * break mentions the same way, with a zero-width character after `@` and `#`
 * (renovatebot/renovate#1083 and #30842, dependabot/dependabot-core#12685). `&` is escaped too,
 * so `&#64;`, `&#x40;` or `&commat;` in API text stay literal instead of decoding to `@`.
 */

/** U+2060 WORD JOINER: invisible, not a word character, no line-break opportunity. */
export const WORD_JOINER = '\u2060';
const REPLACEMENT = '\uFFFD';
const ELLIPSIS = '…';

/** Default caps, in code points, before escaping. Names are short; error messages can be long. */
export const MAX_INLINE = 600;

export interface EscapeOptions {
  /** Cap on the visible length, in code points; longer text ends with "…". */
  max?: number;
}

/** Options of `escapeInline`: the copyable values it puts in code spans sit in a table cell or not. */
export type InlineOptions = CodeOptions;

export interface CodeOptions extends EscapeOptions {
  /**
   * The code span sits in a GFM table cell (default). A `|` must then be written `\|`, which the
   * table parser unescapes; outside a table the backslash would be shown, so pass `false` there.
   */
  table?: boolean;
}

// C0 and C1 controls (ESC, CSI, NUL, DEL...), line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;
// Bidi embeddings, overrides, isolates and marks: they can reorder what a reader sees
// ("Trojan Source"), e.g. make `moc.evil` look like `live.com`.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const WHITESPACE_CONTROL = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;

/**
 * Plain, single-line, well-formed text: line breaks and tabs become a space, other control and
 * bidi control characters become U+FFFD (so a reader sees that something was there), lone
 * surrogates are replaced, and the result is capped. The base of every other escape here.
 */
export function sanitizeText(text: string, max: number = MAX_INLINE): string {
  const clean = text
    .toWellFormed()
    .replace(WHITESPACE_CONTROL, ' ')
    .replace(CONTROL, REPLACEMENT)
    .replace(BIDI, REPLACEMENT)
    .trim();
  return truncate(clean, max);
}

/** Cuts to at most `max` code points (the last one being "…"), never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (max < 1) return '';
  // Fast path: a string of at most `max` UTF-16 units has at most `max` code points.
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return (
    points
      .slice(0, max - 1)
      .join('')
      .trimEnd() + ELLIPSIS
  );
}

/**
 * Breaks every token GitHub would turn into a link, mention or reference, by inserting a word
 * joiner where its pattern needs a word character or a fixed sequence.
 */
function breakLinkableTokens(text: string): string {
  const wj = WORD_JOINER;
  return (
    text
      // @user, @org/team, user@sha, emails (autolinked on the `@`).
      .replace(/@/g, `@${wj}`)
      // #12, owner/repo#12, GH-12 is handled below; `&#64;` cannot decode either (see `&` escape).
      .replace(/#/g, `#${wj}`)
      // GH-12, and the custom autolink references a repository may define (JIRA-123, TICKET-7).
      .replace(/-(?=\d)/g, `-${wj}`)
      // http://, https://, ftp://... (the autolink extension triggers on `://`).
      .replace(/:\/\//g, `:${wj}//`)
      // www.example.com
      .replace(/www\./gi, (m) => `${m.slice(0, 3)}${wj}.`)
      // Commit SHAs (7 to 40 hex digits between word boundaries) autolink to commits.
      .replace(/(?<![0-9A-Za-z_])[0-9A-Fa-f]{7,}(?![0-9A-Za-z_])/g, (run) =>
        (run.match(/.{1,6}/g) ?? [run]).join(wj),
      )
  );
}

// Every ASCII punctuation character that starts markdown or HTML syntax, or a GFM table cell
// boundary, or GitHub math (`$`). `&` too, so `&#64;` or `&lt;` in the input stay literal.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~<>=$&^"']/g;

// Characters a copyable value never contains: white space, what ends a code span or a table cell,
// and what would need escaping inside one.
const VALUE_CHAR = String.raw`[^\s<>|\\\x60"]`;
/**
 * Values a reader copies: URLs (with a scheme, or `www.`), email addresses and domain names. Each
 * starts at a word boundary; a domain or email ends on a letter of its top-level domain.
 */
const COPYABLE = new RegExp(
  String.raw`(?<![\w.@%+-])(?:` +
    [
      String.raw`(?:https?|ftp)://${VALUE_CHAR}+`,
      String.raw`mailto:${VALUE_CHAR}+`,
      String.raw`www\.${VALUE_CHAR}+`,
      String.raw`[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w-])`,
      // A DNS name; a first label may start with `_` (`_dmarc.example.com`).
      String.raw`_?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w@-])`,
    ].join('|') +
    ')',
  'g',
);
// Sentence punctuation right after a URL is not part of it ("see https://x.io/a.").
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'*_~]+$/;

/** `text` cut into prose and copyable values (URLs, emails, domains), in order. */
function splitCopyable(text: string): { value: boolean; text: string }[] {
  const parts: { value: boolean; text: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(COPYABLE)) {
    const value = match[0].replace(TRAILING_PUNCTUATION, '');
    // A bare scheme or `www.` with nothing after it is no value to copy.
    if (value === '' || /^(?:[a-z]+:\/*|www\.?)$/i.test(value)) continue;
    parts.push({ value: false, text: text.slice(last, match.index) });
    parts.push({ value: true, text: value });
    last = match.index + value.length;
  }
  parts.push({ value: false, text: text.slice(last) });
  return parts.filter((p) => p.text !== '');
}

/**
 * Text safe anywhere inline in GitHub markdown (a sentence, a list item, a table cell): it cannot
 * break a table, inject HTML, create a link, mention or reference, or start a block. URLs, email
 * addresses and domain names in it become code spans: shown verbatim, copyable, never linked.
 */
export function escapeInline(text: string, options: InlineOptions = {}): string {
  const plain = sanitizeText(text, options.max ?? MAX_INLINE);
  const table = options.table ?? true;
  return splitCopyable(plain)
    .map((part) =>
      part.value
        ? escapeCode(part.text, { table, max: Number.MAX_SAFE_INTEGER })
        : breakLinkableTokens(part.text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`),
    )
    .join('');
}

/**
 * Text shown verbatim as inline code: the fence is longer than any backtick run inside, so the
 * text cannot close it. Safe in a table cell by default (see `CodeOptions.table`).
 */
export function escapeCode(text: string, options: CodeOptions = {}): string {
  let body = sanitizeText(text, options.max ?? MAX_INLINE);
  if (body === '') return '';
  if (options.table ?? true) body = body.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a leading or trailing backtick from merging with the fence; one
  // space on both sides is stripped by the renderer.
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Text for HTML contexts the markdown parser does not see (e.g. inside a raw `<summary>`). */
export function escapeHtml(text: string, options: EscapeOptions = {}): string {
  const plain = breakLinkableTokens(sanitizeText(text, options.max ?? MAX_INLINE));
  return plain.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * A link target we built ourselves (tracking issue, run page): only http(s), and written so that
 * it cannot end the markdown link early.
 */
export function safeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Text for a terminal or a plain-text channel (CLI output, annotation messages): no escape
 * sequence (ESC, CSI), no carriage return or backspace, no bidi override can move the cursor,
 * recolour the terminal or reorder what is shown.
 */
export function escapeTerminal(text: string, options: EscapeOptions = {}): string {
  return sanitizeText(text, options.max ?? MAX_INLINE);
}
