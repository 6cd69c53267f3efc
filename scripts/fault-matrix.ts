/**
 * `npx tsx scripts/fault-matrix.ts [--json]`: runs issue 9's fault matrix (every suite × every
 * fault, against the simulator, through the real engine and client) and prints, for each cell,
 * the requests made, the time to finish and what the run reported, as a markdown table.
 */
import {
  cells,
  GRACE_MS,
  runCell,
  TIMEOUT_SECONDS,
  targetedRequests,
  type CellResult,
} from '../test/reliability/fault-matrix.js';

function describe(result: CellResult): string {
  const unknown = result.report.findings.filter((f) => f.severity === 'unknown');
  const checks = [...new Set(unknown.map((f) => f.check))].join(', ');
  if (result.report.status === 'failed') return `failed: ${result.report.failure?.cause ?? '?'}`;
  return unknown.length === 0 ? 'no unknown' : `${unknown.length} unknown (${checks})`;
}

const json = process.argv.includes('--json');
const baseline = await runCell('auth', undefined);
const rows: string[] = [];
rows.push(
  `Fault-free run: ${baseline.log.length} requests, ${baseline.wallMs} ms, status ${baseline.report.status}, ${baseline.report.findings.length} findings.`,
  '',
  `Deadline ${TIMEOUT_SECONDS} s (+${GRACE_MS / 1000} s grace). Requests = all requests the simulator saw in the run (faulted endpoints / total).`,
  '',
  '| fault | suite | requests (faulted / total) | time (ms) | status | outcome |',
  '|---|---|---|---|---|---|',
);
const results: unknown[] = [];
for (const { suite, fault } of cells()) {
  const result = await runCell(suite, fault);
  const faulted = targetedRequests(result).length;
  rows.push(
    `| ${fault.name} | ${suite} | ${faulted} / ${result.log.length} | ${result.wallMs} | ${result.report.status} | ${describe(result)} |`,
  );
  results.push({
    fault: fault.name,
    suite,
    requests: result.log.length,
    failedResponses: faulted,
    ms: result.wallMs,
    status: result.report.status,
  });
}
process.stdout.write(json ? `${JSON.stringify(results, null, 2)}\n` : `${rows.join('\n')}\n`);
