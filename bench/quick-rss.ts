/**
 * Diagnostic, not part of `npm run bench`: ours, bundled with ncc like `npm run bench` does, once
 * against one size at a given rate, to compare peak RSS before and after a change in minutes.
 *
 *   npx tsx bench/quick-rss.ts L 50      size, then the client's rate (requests/s)
 */
import { nccBuild, simulate, ROOT } from './measure.js';
import { spawn } from 'node:child_process';
import type { OneResult } from './one.js';
import { SIZES, type SizeName } from './sizes.js';

const size = (process.argv[2] ?? 'L').toUpperCase() as SizeName;
if (!(size in SIZES)) throw new Error(`unknown size ${size} (S, M or L)`);
const rate = Number(process.argv[3] ?? 50);
const bundle = await nccBuild('bench/one.ts');
const sim = await simulate(SIZES[size], new Date());
try {
  const child = spawn(
    process.execPath,
    [bundle.file, JSON.stringify({ baseUrl: sim.url, apiKey: sim.apiKey, rateLimit: rate })],
    { cwd: ROOT },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.pipe(process.stderr);
  await new Promise((resolve) => child.on('close', resolve));
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as OneResult;
  console.log(
    `${size} at ${rate}/s: ${result.requests} requests, ${(result.wallMs / 1000).toFixed(1)} s, maxRSS ${(result.maxRssKb / 1024).toFixed(0)} MB, findings ${JSON.stringify(result.bySeverity)}`,
  );
  for (const s of result.suites) console.log(`  ${s.name}: ${(s.durationMs / 1000).toFixed(1)} s`);
} finally {
  await sim.stop();
}
