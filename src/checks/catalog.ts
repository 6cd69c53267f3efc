import { accountsSuite } from './accounts.js';
import { campaignsSuite } from './campaigns.js';
import { deliverabilitySuite } from './deliverability.js';
import type { Suite } from './types.js';
import { webhooksSuite } from './webhooks.js';

/**
 * The check ids themselves live in the catalogue at the bottom of the layers
 * (src/model/checks.ts), where config can read them too; re-exported for the entries.
 */
export { CHECK_CATALOGUE, CHECK_IDS, type CheckId } from '../model/checks.js';

/** The suites that run after `auth`, in report order. */
export const SUITES: readonly Suite[] = [
  campaignsSuite,
  accountsSuite,
  webhooksSuite,
  deliverabilitySuite,
];
