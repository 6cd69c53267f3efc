/**
 * Remediation for campaign findings: what to do, where, in one or two sentences. Based on the
 * "Instantly Common Errors" guide, corrected where the API's own documentation shows it is wrong (docs/instantly-api.md): -99 is
 * "Account Suspended", Bounce Protect has no published threshold, a campaign's senders are its
 * `email_list` and `email_tag_list` (account-campaign-mappings takes an account email), and the
 * lead count is `leads_count` from campaign analytics.
 */

export const campaignHints = {
  accountsUnhealthy:
    'Instantly stopped the campaign because its sending accounts have errors. Reconnect the failing accounts (see the accounts findings; Instantly → Email Accounts → reconnect), then resume the campaign.',
  bounceProtect:
    'Instantly paused the campaign for its bounce rate (Bounce Protect; the trigger is not published). Remove invalid and risky leads, verify the rest before re-importing, then resume the campaign.',
  accountSuspended:
    'Sending is suspended for this campaign (Account Suspended). Contact Instantly support with the campaign id; it cannot be resumed until the suspension is lifted.',
  unknownStatus:
    'Open the campaign in Instantly to see what this status means; if it is a new normal state, silence this check with `ignore` until instantly-health knows it.',
  paused:
    'Resume the campaign in Instantly if the pause was not intended. If it is paused on purpose, exclude it (`campaigns.exclude`) or set `severity` / `ignore` for campaign.paused.',
  notFound:
    'Check the id given with --campaign (or campaigns.include.ids): it is not a campaign of this workspace, or the key belongs to another workspace.',
  noSteps:
    'Add at least one email step with a subject and a body to the sequence before launching.',
  allVariantsDisabled:
    'Enable at least one variant of this step (or delete the step); with every variant disabled the step has nothing to send.',
  emptyContent:
    'Fill in the empty subject or body of the enabled variants, or disable those variants. Only the first step needs a subject: later steps without one are sent as replies in the thread.',
  noSchedule: 'Add a sending schedule with a time window and at least one day enabled.',
  noDays:
    'Enable at least one sending day in the campaign schedule; with none, the campaign never sends.',
  badWindow:
    'Set the schedule window so that "from" is earlier than "to" (24-hour HH:MM, in the schedule\'s timezone); an empty window sends nothing.',
  ended:
    'The schedule end date has passed, so the campaign no longer sends. Move the end date or clear it, or mark the campaign completed.',
  noSenders:
    'Add sending accounts to the campaign (its email list, or a tag carried by accounts); without senders it cannot send.',
  missingSender:
    "Remove this address from the campaign's sending accounts, or reconnect the account in Instantly (Email Accounts) if it was deleted by mistake.",
  emptyTag:
    'No account carries this tag, so it adds no sender: tag the intended accounts with it, or remove the tag from the campaign.',
  noUsableSender:
    "Reconnect or resume at least one of the campaign's sending accounts (see the accounts findings), or add healthy accounts to the campaign.",
  dailyLimitZero: "Raise the campaign's daily limit above 0; at 0 it sends nothing.",
  noLeads:
    'Add leads to the campaign (upload a list or import from SuperSearch) before it can send.',
  leadsExhausted:
    'Every lead has been contacted: add new leads to keep the campaign sending, or let it complete.',
  noAnalytics:
    'Instantly returned no analytics row for this campaign; open it in Instantly to check its leads, and re-run later.',
  bounceRate:
    "Pause the campaign, remove bounced and unverified leads (verify the list with an email verifier), and check the senders' DNS (SPF, DKIM, DMARC) before resuming.",
  notSending99:
    'Instantly reports a sending error it cannot explain. Contact Instantly support with the campaign id.',
  unknownNotSending:
    'Instantly reported a not-sending reason this tool does not know; check the campaign in Instantly.',
  noSendingData:
    'Instantly has no sending data for this active campaign yet. If it was launched more than a day ago, check its schedule, senders and leads in Instantly.',
  stalled:
    "Open the campaign in Instantly (Analytics and the sending status panel): check that its senders are connected and under their daily limits, that leads are ready to contact, and that the schedule's days and timezone are the ones intended. Contact Instantly support with the campaign id if all of that looks right.",
  volumeDrop:
    "Check the campaign's senders in Instantly: a disconnected or paused account, a lowered daily limit, or accounts shared with other campaigns cut the volume. If the drop is intended, lower `campaigns.stalled.drop_fraction` (0 turns this warning off).",
} as const;

/** Hints for `diagnostics.status` of GET /campaigns/{id}/sending-status (docs/instantly-api.md, "Campaigns"). */
export const sendingStatusHints: Readonly<Record<string, string>> = {
  campaign_paused: campaignHints.paused,
  campaign_draft: 'Launch the campaign when it is ready, or exclude it from the check.',
  campaign_bounce_protect: campaignHints.bounceProtect,
  campaign_accounts_unhealthy: campaignHints.accountsUnhealthy,
  campaign_account_suspended: campaignHints.accountSuspended,
  waiting_for_leads:
    'No lead is ready to send: add leads, or check that the step delays and the lead list are what you expect.',
  account_daily_limit_met:
    'Every sender reached its own daily limit: add sending accounts or raise their daily limits (within safe warmup limits).',
  all_accounts_unhealthy: campaignHints.noUsableSender,
  waiting_for_esp_match:
    'The ESP routing rules leave no sender for the waiting leads: relax the rules or add accounts on the matching providers.',
  no_accounts_available:
    'No sending account is attached or available: add healthy accounts to the campaign and reconnect the failing ones.',
};
export const unknownSendingStatusHint =
  'Instantly reported a sending state this tool does not know; read its message and check the campaign in Instantly.';
