/**
 * `npx tsx bench/rate-window.ts`: issue 21's benchmark. Size M with `rate-limit: 50` against the
 * simulator enforcing Instantly's published limit as sliding windows (100 in any one second,
 * 6,000 in any minute): the budget must never trip it (0 × 429 over every run) and must not pay
 * for that with time (wall ≤ 1.25 × the floor at 50/s).
 *
 *   options: --runs 5  --rate 50  --size M  --bundle (ncc-built one.ts instead of tsx)
 */
import { parseArgs } from 'node:util';
import { MEAN_LATENCY_MS, nccBuild, runOurs, simulate, type OneCommand } from './measure.js';
import { floorMs, plan } from './plan.js';
import { SIZES, sizesOf, type SizeName } from './sizes.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    rate: { type: 'string', default: '50' },
    size: { type: 'string', default: 'M' },
    bundle: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const rate = Number(args.rate);
const size = args.size.toUpperCase() as SizeName;
if (!(size in SIZES) || !(runs >= 1) || !(rate > 0)) {
  process.stderr.write('usage: rate-window.ts [--runs N] [--rate R] [--size S|M|L] [--bundle]\n');
  process.exit(2);
}

const command: OneCommand = args.bundle
  ? { bundle: (await nccBuild('bench/one.ts')).file }
  : { tsx: true };
const now = new Date('2026-11-30T12:00:00Z');
const sim = await simulate(SIZES[size], now);
try {
  const p = plan(sizesOf(sim.data.workspace, now));
  const floor = floorMs({
    requests: p.total,
    ratePerSecond: rate,
    chain: p.chain,
    meanLatencyMs: MEAN_LATENCY_MS,
  });
  const ratios: number[] = [];
  let total429 = 0;
  for (let i = 0; i < runs; i++) {
    sim.clearLog();
    const ours = await runOurs(sim, command, { rateLimit: rate });
    total429 += ours.served429;
    const ratio = ours.wallMs / floor;
    ratios.push(ratio);
    process.stdout.write(
      `run ${i + 1}/${runs}: ${ours.served} requests, ${ours.served429} × 429, ${(ours.wallMs / 1000).toFixed(1)} s, floor ${(floor / 1000).toFixed(1)} s, ratio ${ratio.toFixed(3)}, status ${ours.status}\n`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const pass = total429 === 0 && sorted.every((r) => r <= 1.25);
  process.stdout.write(
    `${size} at rate-limit ${rate} against 100/s sliding: ${total429} × 429 over ${runs} runs; wall/floor median ${median.toFixed(3)} (max ${(sorted.at(-1) ?? NaN).toFixed(3)}): ${pass ? 'PASS' : 'MISS'}\n`,
  );
  process.exitCode = pass ? 0 : 1;
} finally {
  await sim.stop();
}
