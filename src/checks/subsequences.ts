import type { Campaign, SendingStatus } from '../instantly/schemas/campaigns.js';
import type { Subsequence } from '../instantly/schemas/subsequences.js';
import type { Finding } from '../model/report.js';
import { checkSendingStatus, emitter, type Emit } from './campaign-checks.js';

/**
 * Campaigns in status 4 send only their subsequences, and their own sending status says just
 * `campaign_running_subsequences`: each subsequence's sending status is judged by the campaign's
 * rule (campaign-checks.ts), as a `campaign.sending-status` finding on the campaign that names
 * the subsequence. A subsequence without diagnostics (not started) is not judged.
 */
export interface SubsequenceStatus {
  subsequence: Subsequence;
  status: SendingStatus;
}

export function evaluateSubsequences(
  campaign: Campaign,
  entries: readonly SubsequenceStatus[],
  now: Date,
): Finding[] {
  const base = emitter(campaign);
  return entries.flatMap(({ subsequence, status }) => {
    if (!status.diagnostics?.status) return [];
    const label = subsequence.name ?? subsequence.id;
    const make: Emit = (input) =>
      base({
        ...input,
        message: `Subsequence "${label}": ${input.message}`,
        evidence: { ...input.evidence, subsequence_id: subsequence.id },
        discriminator: `subsequence:${subsequence.id}${input.discriminator === undefined ? '' : `:${input.discriminator}`}`,
      });
    return checkSendingStatus(campaign, status, now, make);
  });
}
