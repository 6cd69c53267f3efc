/**
 * One health-check run in a process of its own, so that its peak RSS is the run's alone (the
 * simulator lives in the parent). Usage: one.ts <json {baseUrl, apiKey}>; prints one JSON line.
 * Built with ncc by run.ts and started with plain node, as the action itself is.
 */
import { accountsSuite } from '../src/checks/accounts.js';
import { SUITES } from '../src/checks/catalog.js';
import { runChecks, type ResourcesFactory } from '../src/checks/engine.js';
import { createSharedResources } from '../src/checks/resources.js';
import { Account } from '../src/instantly/schemas/accounts.js';
import { z } from 'zod';
import type { Suite } from '../src/checks/types.js';
import { ConfigFile } from '../src/config/schema.js';
import { mergeSettings } from '../src/config/settings.js';
import { createInstantlyClient } from '../src/instantly/client.js';

export interface OneInput {
  baseUrl: string;
  apiKey: string;
  /** Requests per second instead of the default (diagnostic runs only). */
  rateLimit?: number;
}

export interface OneResult {
  wallMs: number;
  /** process.resourceUsage().maxRSS, in kilobytes. */
  maxRssKb: number;
  status: string;
  failure?: string;
  requests: number;
  retries: number;
  rateLimited: number;
  waitMs: number;
  byEndpoint: Record<string, number>;
  bySeverity: Record<string, number>;
  /** Resource ids the findings name (lower-cased), to match against the injected problems. */
  resources: string[];
  suites: { name: string; durationMs: number; status: string }[];
  /** With BENCH_MEMORY_TRACE=1: memory sampled every 100 ms (MB), to see what the peak is made of. */
  memory?: { atMs: number; rss: number; heapUsed: number; heapTotal: number; external: number }[];
  /** The accounts suite was not in the catalogue and the bench added it. */
  addedAccounts: boolean;
}

/**
 * Every suite the product has. The catalogue (src/checks/catalog.ts) does not list the accounts
 * suite yet; without it a third of the plan would go unmeasured, so it is added here when missing.
 */
export function benchSuites(): { suites: Suite[]; addedAccounts: boolean } {
  if (SUITES.some((s) => s.name === accountsSuite.name))
    return { suites: [...SUITES], addedAccounts: false };
  const at = SUITES.findIndex((s) => s.name === 'campaigns') + 1;
  return {
    suites: [...SUITES.slice(0, at), accountsSuite, ...SUITES.slice(at)],
    addedAccounts: true,
  };
}

/**
 * BENCH_SLIM_ACCOUNTS=1 (diagnostic): the shared account list keeps only the fields the checks
 * read, as a plain (stripping) object, to measure what the loose schema costs at L.
 */
const SlimAccount = z.object(Account.shape).pick({
  email: true,
  timestamp_created: true,
  status: true,
  status_message: true,
  warmup_status: true,
  stat_warmup_score: true,
  setup_pending: true,
  autofix_failed: true,
  daily_limit: true,
  tracking_domain_name: true,
  tracking_domain_status: true,
  timestamp_warmup_start: true,
  tags: true,
});

const slimAccounts: ResourcesFactory = (api, settings, signal, now) => {
  const base = createSharedResources(api, settings, signal, now);
  let list: Promise<Account[]> | undefined;
  const fetchAll = async () => {
    const items: Account[] = [];
    for await (const a of api.paginate('/accounts', {
      query: { limit: 100, include_tags: true },
      item: SlimAccount,
      signal,
    })) {
      items.push(a as Account);
    }
    return items;
  };
  return { ...base, accounts: () => (list ??= fetchAll()) };
};

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as OneInput;
  const settings = mergeSettings(
    { apiKey: input.apiKey, baseUrl: input.baseUrl },
    ConfigFile.parse({}),
  );
  const client = createInstantlyClient({
    apiKey: settings.apiKey,
    baseUrl: settings.baseUrl,
    rateLimit: input.rateLimit ?? settings.rateLimit,
  });
  const started = performance.now();
  const memory: NonNullable<OneResult['memory']> = [];
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  // BENCH_MEMORY_TRACE=gc (with node --expose-gc) collects first: the samples are the live set.
  const trace = process.env.BENCH_MEMORY_TRACE;
  const collect = (globalThis as { gc?: () => void }).gc;
  const sampler =
    trace === '1' || trace === 'gc'
      ? setInterval(
          () => {
            if (trace === 'gc') collect?.();
            const m = process.memoryUsage();
            memory.push({
              atMs: Math.round(performance.now() - started),
              rss: mb(m.rss),
              heapUsed: mb(m.heapUsed),
              heapTotal: mb(m.heapTotal),
              external: mb(m.external + m.arrayBuffers),
            });
          },
          trace === 'gc' ? 1000 : 100,
        )
      : undefined;
  const { suites, addedAccounts } = benchSuites();
  const report = await runChecks({
    api: client,
    settings,
    suites,
    ...(process.env.BENCH_SLIM_ACCOUNTS === '1' ? { createResources: slimAccounts } : {}),
  });
  const wallMs = performance.now() - started;
  if (sampler) clearInterval(sampler);
  await client.close();
  const bySeverity: Record<string, number> = { error: 0, warning: 0, unknown: 0 };
  for (const f of report.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const result: OneResult = {
    wallMs,
    maxRssKb: process.resourceUsage().maxRSS,
    status: report.status,
    ...(report.failure ? { failure: report.failure.message } : {}),
    requests: report.stats.requests,
    retries: report.stats.retries,
    rateLimited: report.stats.rateLimited,
    waitMs: report.stats.waitMs,
    byEndpoint: report.stats.byEndpoint,
    bySeverity,
    resources: [...new Set(report.findings.map((f) => f.resource.id.toLowerCase()))],
    addedAccounts,
    ...(sampler ? { memory } : {}),
    suites: report.suites.map((s) => ({
      name: s.name,
      durationMs: s.durationMs,
      status: s.status,
    })),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
