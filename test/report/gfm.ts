/**
 * Test helpers: render markdown the way GitHub does (cmark-gfm with GitHub's extensions) and
 * inspect the HTML. `unsafe: true` lets raw HTML through, as GitHub's own pipeline does before its
 * sanitizer: a stricter test than cmark's default, which would hide injected tags behind
 * placeholders.
 */
import cmark from 'cmark-gfm';

export function renderGfm(markdown: string): string {
  return cmark.renderHtmlSync(markdown, {
    unsafe: true,
    extensions: { table: true, autolink: true, strikethrough: true, tagfilter: true },
  });
}

export interface Tag {
  name: string;
  attributes: string[];
}

/** Every opening tag in the HTML, with its attribute names. */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)) {
    const attributes = [
      ...(match[2] ?? '').matchAll(/([^\s=/"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g),
    ].map((a) => (a[1] ?? '').toLowerCase());
    tags.push({ name: (match[1] ?? '').toLowerCase(), attributes });
  }
  return tags;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text a reader sees, as GitHub's mention and reference filters see it: no tags, entities decoded. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

/**
 * The text GitHub's post-render filters scan for mentions, references and SHAs: they skip
 * `<code>`, `<pre>` and `<a>` content.
 */
export function linkableText(html: string): string {
  return textOf(html.replace(/<(code|pre|a)\b[^>]*>[\s\S]*?<\/\1>/g, ' '));
}

/**
 * Tokens GitHub would turn into a mention, an issue/PR reference, a commit link or an autolink.
 * Patterns are deliberately broader than GitHub's (any `@word`, any `#digit`), so passing them is
 * a strong guarantee.
 */
export const LINKABLE: Record<string, RegExp> = {
  mention: /@[A-Za-z0-9]/,
  issueReference: /#\d/,
  ghReference: /[A-Za-z]-\d/,
  autolinkScheme: /:\/\//,
  autolinkWww: /www\./i,
  sha: /(?<![0-9A-Za-z_])[0-9a-f]{7,40}(?![0-9A-Za-z_])/i,
};

export function linkableTokens(text: string): string[] {
  return Object.entries(LINKABLE)
    .filter(([, pattern]) => pattern.test(text))
    .map(([name]) => `${name}: ${JSON.stringify(text.match(pattern(name))?.[0])}`);
  function pattern(name: string): RegExp {
    return LINKABLE[name] ?? /$^/;
  }
}

export interface TableShape {
  header: number;
  rows: number[];
}

/** Cells per header and per body row, for each table in the HTML. */
export function tableShapes(html: string): TableShape[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((table) => {
    const body = table[1] ?? '';
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(body)?.[1] ?? '';
    const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
    return {
      header: (head.match(/<th[ >]/g) ?? []).length,
      rows: [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
        (row) => ((row[1] ?? '').match(/<td[ >]/g) ?? []).length,
      ),
    };
  });
}

/** Body cells of the first table, as HTML. */
export function bodyCells(html: string): string[][] {
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1] ?? ''),
  );
}
