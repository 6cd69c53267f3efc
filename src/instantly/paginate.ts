import type { Page } from './envelope.js';
import { InstantlyError } from './errors.js';

/** Instantly's maximum page size on the lists the check reads. */
export const PAGE_LIMIT = 100;
/** 1,000 pages of 100 is far beyond any workspace the check is meant for: past it, something loops. */
export const DEFAULT_MAX_PAGES = 1_000;

/**
 * Cursor pagination as an async iterator, separate from HTTP: `fetchPage(cursor)` gets one page
 * of at most `limit` items. Items are yielded page by page as they arrive. The cursor goes back
 * verbatim (a UUID, a timestamp or `timestamp&email`).
 *
 * The end of a list: the live API returns a cursor on the last page too and answers the request
 * after it with `{"items": []}` (docs/instantly-api.md, "Pagination"). So a page shorter than
 * `limit` ends the list (no request is spent on the empty page after it), as does a missing,
 * null or empty cursor; after a full last page the empty page that follows ends it. A cursor
 * seen before, or a page past `maxPages`, ends it with an error, never a loop.
 */
export async function* paginateCursor<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { endpoint: string; limit: number; maxPages?: number | undefined },
): AsyncGenerator<T, void, undefined> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new RangeError(`maxPages must be a whole number of at least 1, got ${String(maxPages)}`);
  }
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (page.items.length < options.limit) return;
    const next = page.next_starting_after;
    if (next === undefined || next === null || next === '') return;
    if (seen.has(next) || next === cursor) {
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
