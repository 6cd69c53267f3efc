/**
 * The one escaping module for every string that came from the API (names, emails, URLs, error
 * messages) before it enters markdown that GitHub renders (job summary, issue body, comments).
 *
 * PROVISIONAL: a conservative first version so other modules can depend on the signatures;
 * the report work replaces the implementation (and keeps these names).
 */

/** Text safe inside a markdown sentence or a table cell: no table break, HTML, mention, reference or link. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~@:])/g, '\\$1')
    .replace(/@/g, '@\u200b')
    .replace(/#/g, '#\u200b');
}

/** Text shown as code (monospace) inline; safe in a table cell. */
export function escapeCode(text: string): string {
  return escapeInline(text);
}
