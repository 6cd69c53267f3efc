/**
 * The baseline: a health check written the way "Instantly Common Errors"
 * (a widely shared "common errors" guide) does it. Sequential, one request at a time:
 *
 * - the auth probe of its quick diagnostic script: GET /campaigns?limit=1;
 * - the campaign list, paged with `starting_after` (the guide reads one page, but it diagnoses
 *   campaigns one by one, so it must know them all; one page would check only 100);
 * - per campaign, `diagnoseCampaign`: GET /campaigns/{id} and a leads listing
 *   (POST /leads/list {campaign, limit: 1}) to see whether it has leads. The guide's third call,
 *   GET /account-campaign-mappings/{campaignId}, is left out: its path takes an email, so the call
 *   is wrong, and leaving it out only flatters the baseline;
 * - `fixUnhealthyAccounts`: one page of accounts (GET /accounts?limit=100, as the guide does: it
 *   never pages) and one vitals call with those emails;
 * - the webhook table: GET /webhooks and GET /webhook-events/summary.
 *
 * 429s are retried with the guide's `withBackoff` (1 s, 2 s, 4 s... 5 retries).
 */

export interface NaiveResult {
  requests: number;
  rateLimited: number;
  wallMs: number;
  /** What the guide's own rules flag (negative or paused status, no leads, failing DNS...). */
  flagged: number;
  /** Accounts the one page let it look at, out of the workspace's. */
  accountsSeen: number;
}

interface Page<T> {
  items?: T[];
  next_starting_after?: string | null;
}

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runNaive(options: {
  baseUrl: string;
  apiKey: string;
  /** The guide's backoff unit; 1000 ms as written. */
  backoffMs?: number;
}): Promise<NaiveResult> {
  const started = performance.now();
  let requests = 0;
  let rateLimited = 0;
  let flagged = 0;

  async function instantly<T>(path: string, init: { method?: string; body?: string } = {}) {
    const maxRetries = 5;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      requests++;
      const res = await fetch(`${options.baseUrl}/api/v2${path}`, {
        method: init.method ?? 'GET',
        headers: {
          Authorization: `Bearer ${options.apiKey}`,
          'Content-Type': 'application/json',
        },
        ...(init.body === undefined ? {} : { body: init.body }),
      });
      const text = await res.text();
      if (res.status === 429) {
        rateLimited++;
        if (attempt < maxRetries) {
          await sleep(2 ** attempt * (options.backoffMs ?? 1000));
          continue;
        }
      }
      if (!res.ok) throw new HttpError(res.status);
      return JSON.parse(text) as T;
    }
    throw new Error('Unreachable');
  }

  await instantly('/campaigns?limit=1');

  const campaignIds: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const q = new URLSearchParams({ limit: '100', ...(cursor ? { starting_after: cursor } : {}) });
    const page = await instantly<Page<{ id: string }>>(`/campaigns?${q.toString()}`);
    const items = page.items ?? [];
    campaignIds.push(...items.map((c) => c.id));
    cursor = page.next_starting_after ?? undefined;
    if (!cursor || items.length === 0) break;
  }

  for (const id of campaignIds) {
    const campaign = await instantly<{ status: number; sequences?: { steps?: unknown[] }[] }>(
      `/campaigns/${id}`,
    );
    if (campaign.status < 0 || campaign.status === 2) flagged++;
    if (!campaign.sequences?.length || !campaign.sequences[0]?.steps?.length) flagged++;
    const leads = await instantly<Page<unknown>>('/leads/list', {
      method: 'POST',
      body: JSON.stringify({ campaign: id, limit: 1 }),
    });
    if ((leads.items ?? []).length === 0) flagged++;
  }

  const accounts = await instantly<Page<{ email: string; status?: number }>>('/accounts?limit=100');
  const accountItems = accounts.items ?? [];
  flagged += accountItems.filter((a) => a.status !== undefined && a.status < 0).length;
  if (accountItems.length > 0) {
    const vitals = await instantly<{ failure_list?: unknown[] }>('/accounts/test/vitals', {
      method: 'POST',
      body: JSON.stringify({ accounts: accountItems.map((a) => a.email) }),
    });
    flagged += (vitals.failure_list ?? []).length;
  }

  const webhooks = await instantly<Page<{ status?: number | null }>>('/webhooks');
  flagged += (webhooks.items ?? []).filter((w) => w.status === -1).length;
  await instantly('/webhook-events/summary');

  return {
    requests,
    rateLimited,
    wallMs: performance.now() - started,
    flagged,
    accountsSeen: accountItems.length,
  };
}

/**
 * The requests `runNaive` makes when no 429 comes back (worst case for the campaign pages, as the
 * plan counts them), to estimate a size it was not run at.
 */
export function naiveRequests(campaigns: number, accounts: number): number {
  const listPages = Math.floor(campaigns / 100) + 1;
  return 1 + listPages + 2 * campaigns + 1 + (accounts > 0 ? 1 : 0) + 2;
}
