import type { Account } from '../instantly/schemas/accounts.js';
import type { Campaign } from '../instantly/schemas/campaigns.js';

/**
 * Which accounts send for which campaign, resolved from data already fetched: a campaign's
 * senders are the accounts of its `email_list` plus every account carrying one of the tags of its
 * `email_tag_list` (docs/instantly-api.md, "Campaigns": account-campaign-mappings is per account, so we never call
 * it). Emails are compared case-insensitively, as mail systems do.
 */

export interface AccountIndex {
  byEmail: ReadonlyMap<string, Account>;
  /** Tag id → the accounts carrying it. */
  byTag: ReadonlyMap<string, readonly Account[]>;
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function indexAccounts(accounts: readonly Account[]): AccountIndex {
  const byEmail = new Map<string, Account>();
  const byTag = new Map<string, Account[]>();
  for (const account of accounts) {
    byEmail.set(emailKey(account.email), account);
    for (const tag of account.tags ?? []) {
      if (tag.id === undefined) continue;
      const carriers = byTag.get(tag.id);
      if (carriers) carriers.push(account);
      else byTag.set(tag.id, [account]);
    }
  }
  return { byEmail, byTag };
}

export interface CampaignSenders {
  /** Every account the campaign can send from, each once. */
  accounts: Account[];
  /** Addresses of `email_list` that are not accounts of the workspace. */
  missingEmails: string[];
  /** Tags of `email_tag_list` that no account carries. */
  emptyTags: string[];
}

export function sendersOf(campaign: Campaign, index: AccountIndex): CampaignSenders {
  const found = new Map<string, Account>();
  const missingEmails: string[] = [];
  const emptyTags: string[] = [];
  for (const email of campaign.email_list ?? []) {
    const account = index.byEmail.get(emailKey(email));
    if (account) found.set(emailKey(account.email), account);
    else missingEmails.push(email);
  }
  for (const tag of campaign.email_tag_list ?? []) {
    const carriers = index.byTag.get(tag);
    if (!carriers || carriers.length === 0) {
      emptyTags.push(tag);
      continue;
    }
    for (const account of carriers) found.set(emailKey(account.email), account);
  }
  return { accounts: [...found.values()], missingEmails, emptyTags };
}

/** Domain part of an address, lower-cased; undefined for something that is not an address. */
export function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return undefined;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}
