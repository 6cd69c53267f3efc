/**
 * Diagnostic, not part of `npm run bench`: one run of ours against a size, with memory sampled
 * in the child, to see what a peak RSS is made of.
 *
 *   npx tsx bench/memory-trace.ts L 50                         heap as it goes (garbage included)
 *   BENCH_MEMORY_TRACE=gc npx tsx bench/memory-trace.ts L 50   live set (collects before each sample)
 *
 * The second argument is the client's rate (requests/s): higher than the default to finish fast.
 * The child runs through tsx, so its RSS carries the loader's ~30 MB on top of the bundle's.
 */
import { spawn } from 'node:child_process';
import { ROOT, simulate } from './measure.js';
import type { OneResult } from './one.js';
import { SIZES, type SizeName } from './sizes.js';

const size = (process.argv[2] ?? 'L').toUpperCase() as SizeName;
if (!(size in SIZES)) throw new Error(`unknown size ${size} (S, M or L)`);
const rate = Number(process.argv[3] ?? 50);
const trace = process.env.BENCH_MEMORY_TRACE === 'gc' ? 'gc' : '1';
const sim = await simulate(SIZES[size], new Date());
try {
  const child = spawn(
    process.execPath,
    [
      ...(trace === 'gc' ? ['--expose-gc'] : []),
      '--import',
      'tsx',
      'bench/one.ts',
      JSON.stringify({ baseUrl: sim.url, apiKey: sim.apiKey, rateLimit: rate }),
    ],
    { cwd: ROOT, env: { ...process.env, BENCH_MEMORY_TRACE: trace } },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.pipe(process.stderr);
  await new Promise((resolve) => child.on('close', resolve));
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as OneResult;
  const memory = result.memory ?? [];
  console.log(
    `${size} at ${rate}/s: ${result.requests} requests, ${(result.wallMs / 1000).toFixed(1)} s, maxRSS ${(result.maxRssKb / 1024).toFixed(0)} MB, findings ${JSON.stringify(result.bySeverity)}`,
  );
  for (const s of result.suites) console.log(`  ${s.name}: ${(s.durationMs / 1000).toFixed(1)} s`);
  console.log('  atMs rss heapUsed heapTotal external (MB)');
  const step = Math.max(1, Math.floor(memory.length / 30));
  for (let i = 0; i < memory.length; i += step) {
    const m = memory[i];
    if (m) console.log(`  ${m.atMs} ${m.rss} ${m.heapUsed} ${m.heapTotal} ${m.external}`);
  }
} finally {
  await sim.stop();
}
