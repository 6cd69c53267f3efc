import type { Page } from './envelope.js';
import { InstantlyError } from './errors.js';

/** Instantly's maximum page size on the lists the check reads. */
export const PAGE_LIMIT = 100;
/** 1,000 pages of 100 is far beyond any workspace the check is meant for: past it, something loops. */
export const DEFAULT_MAX_PAGES = 1_000;
/**
 * Empty pages in a row that still carry a cursor: followed (a filtered list may have a gap),
 * but no further than this, and then reported, never taken for the end of the list.
 */
export const MAX_EMPTY_PAGES = 3;

/**
 * Cursor pagination as an async iterator, separate from HTTP: `fetchPage(cursor)` gets one page.
 * Items are yielded page by page as they arrive. The cursor goes back verbatim (a UUID, a
 * timestamp or `timestamp&email`); a missing, null or empty cursor ends the list. An empty page
 * that still carries a cursor is followed, up to `MAX_EMPTY_PAGES` in a row, then ends with an
 * error rather than silently; a cursor seen before, or a page past `maxPages`, ends it with an
 * error too, never a loop.
 */
export async function* paginateCursor<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { endpoint: string; maxPages?: number | undefined },
): AsyncGenerator<T, void, undefined> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new RangeError(`maxPages must be a whole number of at least 1, got ${String(maxPages)}`);
  }
  const seen = new Set<string>();
  let cursor: string | undefined;
  let emptyInARow = 0;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cursor);
    yield* page.items;
    const next = page.next_starting_after;
    if (next === undefined || next === null || next === '') return;
    // An empty page pointing back where it came from is an honest end (some lists answer the
    // page after the last one that way); only a new cursor says there is more.
    if (page.items.length === 0 && (next === cursor || seen.has(next))) return;
    emptyInARow = page.items.length === 0 ? emptyInARow + 1 : 0;
    if (emptyInARow >= MAX_EMPTY_PAGES) {
      throw new InstantlyError({
        kind: 'pagination',
        endpoint: options.endpoint,
        detail: `${emptyInARow} empty pages in a row still carried a cursor (after page ${pages}); stopped rather than read on or take the list as complete`,
      });
    }
    if (seen.has(next)) {
      throw new InstantlyError({
        kind: 'pagination',
        endpoint: options.endpoint,
        detail: `the API returned a cursor it had returned before (after page ${pages}); stopped instead of looping`,
      });
    }
    if (pages >= maxPages) {
      throw new InstantlyError({
        kind: 'pagination',
        endpoint: options.endpoint,
        detail: `more than ${maxPages} pages; stopped at the page cap instead of reading on (raise maxPages if the workspace is really this large)`,
      });
    }
    seen.add(next);
    cursor = next;
  }
}
