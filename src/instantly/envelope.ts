import { z } from 'zod';

/**
 * The shapes every Instantly endpoint shares: the list page and the error body. Resource schemas
 * (campaign, account...) live in `schemas/`; the client wraps them in these.
 */

/**
 * `{items, next_starting_after}`. Lenient: the cursor may be missing or null on the last page,
 * and unknown envelope fields pass, so the API can grow without breaking the check.
 */
export function pageSchema<S extends z.ZodType>(item: S) {
  return z.looseObject({
    items: z.array(item),
    next_starting_after: z.string().nullish(),
  });
}

export type Page<T> = { items: T[]; next_starting_after?: string | null | undefined };

/**
 * Every field optional: besides the documented `{statusCode, error, message}` some endpoints send
 * `{error}` alone (vitals' 400), `{message}` alone (analytics' 400) or `{status, message, host}`.
 */
export const errorBodySchema = z.looseObject({
  statusCode: z.number().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
});
