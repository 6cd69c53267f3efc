/**
 * Remediation for account and domain findings. The "Instantly Common Errors" guide tests SMTP and
 * IMAP through POST /accounts/test/vitals; docs/instantly-api.md ("Accounts") shows that endpoint checks DNS only
 * (`{domain, mx, spf, dkim, dmarc}`, no `smtp_status`), so connection advice here rests on
 * `Account.status`, its SMTP `status_message` and `autofix_failed`.
 */

export const accountHints = {
  connectionError:
    'Reconnect the mailbox in Instantly (Email Accounts → the account → Reconnect): re-authorise Google or Microsoft accounts; for IMAP/SMTP accounts check the password (or app password) and server settings.',
  softBounce:
    "The provider is refusing or deferring this mailbox's mail (see the SMTP response in the evidence). Check the mailbox in the provider's admin console and its sending limits, lower its daily limit, then reconnect it in Instantly.",
  sendingError:
    'Sending failed with the SMTP error in the evidence. Fix what it names at the mail provider (sending limit, blocked or suspended mailbox, authentication), then reconnect the account in Instantly.',
  unknownStatus:
    'Instantly reported an account status this tool does not know; open the account in Instantly (Email Accounts) to see its state.',
  noStatus:
    "Instantly did not report this account's connection status; open it in Instantly (Email Accounts) to confirm it is connected.",
  paused:
    'Resume the account in Instantly (Email Accounts), or remove it from the campaigns named in the evidence: a paused account sends nothing for them.',
  setupPending:
    "The account's setup has not finished: complete it in Instantly (Email Accounts); for done-for-you accounts wait for the setup or contact Instantly support.",
  autofixFailed:
    "Instantly's automatic reconnection failed: reconnect the account by hand in Instantly (Email Accounts → Reconnect) and fix the cause in its SMTP message.",
  warmupBanned:
    'Warmup banned this account (a reputation or warmup-pool abuse problem). Stop cold sending from it and contact Instantly support to restore warmup.',
  warmupSuspended:
    'Warmup is permanently suspended for this account. Replace it in its campaigns and contact Instantly support.',
  warmupSpamUnknown:
    "Warmup cannot find the mailbox's spam folder: check IMAP access and that a Spam/Junk folder exists, then reconnect the account.",
  warmupPaused:
    'Warmup is paused: resume it in Instantly (the account → Warmup) so the mailbox keeps its reputation while it sends campaigns.',
  warmupUnknown:
    "Instantly reported a warmup status this tool does not know; open the account's warmup tab in Instantly.",
  lowScore:
    "Lower the account's daily campaign limit and keep warmup running until the score recovers; check its domain's SPF, DKIM and DMARC and remove it from campaigns if it keeps falling.",
  noWarmupData:
    'Instantly returned no warmup data for this account although its warmup is active: check the warmup tab in Instantly; a new mailbox needs a few days of warmup first.',
  warmupTrend:
    "The mailbox's warmup mail is reaching the inbox less often than a few days before: lower its daily campaign limit now, keep warmup running, and check its domain's SPF, DKIM and DMARC and its recent copy (links, images, spammy wording) before the slide turns into bounces and a paused campaign.",
  warmupSpam:
    "Too much of the mailbox's warmup mail lands in spam: lower or pause its campaign sending, keep warmup running until the spam share falls, and check its domain's authentication (SPF, DKIM, DMARC) and any blocklisting.",
  bounceRate:
    "Too many of this mailbox's emails bounce: verify the lead lists it sends to (remove invalid and catch-all addresses), lower its daily limit, and check its campaigns' recent imports; Instantly pauses campaigns whose bounce rate stays high.",
  volumeCap:
    'The mailbox sends at or near its daily limit every day, leaving no headroom: add sending accounts to its campaigns or spread the volume, rather than raising the limit of an account that is already working hard.',
  spf: 'Publish one SPF TXT record for the domain that authorises your mail provider (for example `v=spf1 include:_spf.google.com ~all` for Google Workspace).',
  dkim: "Turn on DKIM signing at your mail provider and publish the DKIM key it gives you in the domain's DNS.",
  mx: 'Publish MX records for the domain so replies and bounces reach a mailbox; without them providers distrust its mail.',
  dmarc:
    'Publish a DMARC record at `_dmarc.<domain>`, for example `v=DMARC1; p=none; rua=mailto:dmarc@<domain>`, then tighten the policy once reports are clean.',
  failingUnnamed:
    'Instantly lists the domain as failing its DNS checks without naming the record: check its SPF, DKIM, DMARC and MX records.',
  noVitals:
    'Instantly returned no DNS result for this domain; re-run later, or test the domain in Instantly (Email Accounts → the account → Test vitals).',
  trackingDomain:
    "Check the custom tracking domain's CNAME record (it must point where Instantly's tracking-domain setup says) and re-verify it in Instantly; until it is active, opens and clicks are not tracked on it.",
} as const;
