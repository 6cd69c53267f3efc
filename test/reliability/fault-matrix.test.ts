import { beforeAll, describe, expect, it } from '@jest/globals';
import { renderJson } from '../../src/report/json.js';
import { Report, type Finding, type SuiteName } from '../../src/model/report.js';
import {
  cells,
  findingsOf,
  GRACE_MS,
  MAX_ATTEMPTS,
  MAX_RATE_LIMITED_ATTEMPTS,
  runCell,
  SUITES,
  TARGETS,
  TIMEOUT_SECONDS,
  type Cell,
  type CellResult,
} from './fault-matrix.js';

/**
 * Issue 9's fault matrix: every suite × every fault, through the real engine and client against
 * the simulator (`npx tsx scripts/fault-matrix.ts` prints the same cells as a table).
 */

let baseline: CellResult;

beforeAll(async () => {
  // The first run in a worker also loads (and, on a fresh clone, transforms) every module the
  // run imports lazily: its deadline is not what this file tests, so it is not the cells' 8 s.
  baseline = await runCell('auth', undefined, 60);
  // The reference run must itself be complete, or "the same as fault-free" would mean little.
  expect(baseline.report.status).toBe('unhealthy');
  expect(baseline.report.findings.filter((f) => f.severity === 'unknown')).toEqual([]);
  expect(baseline.report.suites.map((s) => s.name)).toEqual([...SUITES]);
}, 90_000);

const key = (f: Finding) => JSON.stringify(f);
const newFindings = (result: CellResult) => {
  const before = new Set(baseline.report.findings.map(key));
  return result.report.findings.filter((f) => !before.has(key(f)));
};

/** A cause a person can act on: it names Instantly, an endpoint, a timeout or the field. */
function expectReadable(finding: Finding): void {
  expect(finding.message).not.toMatch(/\[object |undefined|NaN|^\s*$/);
  expect(finding.message.length).toBeLessThan(700);
  expect(finding.message).toMatch(/Instantly|timed out|GET |POST /);
  expect(finding.remediation.trim()).not.toBe('');
}

function expectBoundedRequests(result: CellResult): void {
  const campaigns = result.log.length === 0 ? 0 : 40; // the `broken` scenario's campaign count
  // 429s are retried for a time window, not a count of attempts.
  const attempts = result.log.some((e) => e.status === 429)
    ? MAX_RATE_LIMITED_ATTEMPTS
    : MAX_ATTEMPTS;
  for (const [endpoint, count] of Object.entries(result.requests)) {
    const planned = baseline.requests[endpoint];
    if (planned === undefined) {
      // Only the per-campaign detail read may appear, when a list item lacks `sequences`.
      expect(endpoint).toBe('GET /campaigns/{id}');
      expect(count).toBeLessThanOrEqual(campaigns * attempts);
    } else {
      expect(count).toBeLessThanOrEqual(planned * attempts);
    }
  }
}

function unaffected(cell: Cell): SuiteName[] {
  if (cell.suite === 'workspace' || cell.fault.pausesWorkspace) return [];
  const may = TARGETS[cell.suite].mayAffect;
  return SUITES.filter((s) => !may.includes(s));
}

describe.each(cells().map((cell) => [cell.fault.name, cell.suite, cell] as const))(
  '%s on %s',
  (_fault, _suite, cell) => {
    let result: CellResult;
    beforeAll(
      async () => {
        result = await runCell(cell.suite, cell.fault);
      },
      (TIMEOUT_SECONDS * 1000 + GRACE_MS) * 3,
    );

    it('ends within the deadline plus a grace, with a report and a summary', () => {
      const { report } = result;
      const limit = (cell.fault.timeoutSeconds ?? TIMEOUT_SECONDS) * 1000 + GRACE_MS;
      expect(Date.parse(report.finishedAt) - Date.parse(report.startedAt)).toBeLessThanOrEqual(
        limit,
      );
      expect(result.wallMs).toBeLessThanOrEqual(limit);
      expect(() => Report.parse(JSON.parse(renderJson(report)))).not.toThrow();
      // The summary shows every check the fault made unknown, or why the run failed.
      const unknownChecks = new Set(
        report.findings.filter((f) => f.severity === 'unknown').map((f) => f.check),
      );
      for (const check of unknownChecks) expect(result.summary).toContain(`\`${check}\``);
      if (report.status === 'failed') expect(result.summary).toContain('Failed');
      expect(Buffer.byteLength(result.summary)).toBeLessThan(1_000_000);
    });

    it('sends a bounded number of requests', () => {
      expectBoundedRequests(result);
    });

    it('leaves the suites the fault does not touch exactly as in the fault-free run', () => {
      const others = unaffected(cell);
      if (result.report.status === 'failed') {
        // auth could not run: nothing else was asked, and the report says why.
        expect(cell.suite === 'auth' || cell.suite === 'workspace').toBe(true);
        expect(result.report.failure?.message).toMatch(/Instantly|timed out/);
        expect(result.log.every((e) => e.path === '/api/v2/workspaces/current')).toBe(true);
        return;
      }
      expect(findingsOf(result.report, others)).toEqual(findingsOf(baseline.report, others));
    });

    it(`affected checks: ${cell.fault.expect}`, () => {
      const added = newFindings(result);
      switch (cell.fault.expect) {
        case 'tolerated':
          expect(findingsOf(result.report, SUITES)).toEqual(findingsOf(baseline.report, SUITES));
          break;
        case 'unknown':
          expect(added.length).toBeGreaterThan(0);
          for (const f of added) {
            expect(f.severity).toBe('unknown');
            expectReadable(f);
          }
          break;
        case 'no-false-finding':
          for (const f of added) {
            expect(f.severity).toBe('unknown');
            expect(f.message).toMatch(/Instantly|could not|unknown/);
          }
          break;
        case 'undocumented': {
          // A warning names the undocumented value; any other new finding is on a resource
          // with such a warning (a campaign in status 7 is no longer "completed") or unknown.
          const named = new Set(
            added.filter((f) => /does not document/.test(f.message)).map((f) => f.resource.id),
          );
          // When no campaign is active any more, the accounts suite's scope (senders of active
          // campaigns) changes too: what it adds must be a problem the scenario really has.
          const injected = new Set(result.injected.map((p) => p.resource.id));
          for (const f of added) {
            const explained =
              f.severity === 'unknown' ||
              named.has(f.resource.id) ||
              (f.suite !== cell.suite && injected.has(f.resource.id));
            expect({ finding: f, explained }).toEqual({ finding: f, explained: true });
          }
          break;
        }
      }
    });
  },
);
