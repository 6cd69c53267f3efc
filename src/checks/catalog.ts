import { accountsSuite, checks as accountChecks } from './accounts.js';
import { checks as authChecks } from './auth.js';
import { campaignsSuite, checks as campaignChecks } from './campaigns.js';
import { checks as deliverabilityChecks, deliverabilitySuite } from './deliverability.js';
import type { CheckDefinition, Suite } from './types.js';
import { checks as webhookChecks, webhooksSuite } from './webhooks.js';

/** Findings the engine itself emits for a suite that could not finish. */
export const engineChecks: CheckDefinition[] = [
  { id: 'suite.scope', title: 'Suite blocked by a missing API key scope' },
  { id: 'suite.timeout', title: 'Suite did not finish before the timeout' },
  { id: 'suite.error', title: 'Suite failed on an API error' },
];

/** Every check any suite can emit, so config can validate `severity` and `ignore` entries. */
export const CHECKS: readonly CheckDefinition[] = [
  ...authChecks,
  ...campaignChecks,
  ...accountChecks,
  ...webhookChecks,
  ...deliverabilityChecks,
  ...engineChecks,
];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

/** The suites that run after `auth`, in report order. */
export const SUITES: readonly Suite[] = [
  campaignsSuite,
  accountsSuite,
  webhooksSuite,
  deliverabilitySuite,
];
