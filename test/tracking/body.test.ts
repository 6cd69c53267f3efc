import { describe, expect, it } from '@jest/globals';
import {
  BODY_LIMIT,
  renderChangeComment,
  renderClosingComment,
  renderIssueBody,
  runUrlFromEnv,
} from '../../src/tracking/body.js';
import { formatElapsed } from '../../src/report/format.js';
import { readMarker, serializeMarker } from '../../src/tracking/marker.js';
import { plan } from '../../src/tracking/planner.js';
import { at, config, finding, report, WORKSPACE } from './helpers.js';

const RUN = 'https://github.com/acme/ops/actions/runs/42';

function stateFor(findings: ReturnType<typeof finding>[], hours = 0) {
  const first = plan(null, report(findings), config(), at(0), {
    hasOpenIssue: false,
    recentlyClosed: false,
  });
  return plan(first.nextState, report(findings), config(), at(hours), {
    hasOpenIssue: true,
    recentlyClosed: false,
  });
}

describe('issue body', () => {
  it('shows status, each finding with how long it has failed, the run link, and the marker last', () => {
    const findings = [finding('A'), finding('W', 'warning')];
    const { nextState } = stateFor(findings, 5);
    if (!nextState) throw new Error('no state');
    const body = renderIssueBody({
      report: report(findings),
      state: nextState,
      now: at(5),
      runUrl: RUN,
    });
    expect(body).toContain('unhealthy');
    expect(body).toMatch(/\*\*1 error\*\*, 1 warning/);
    expect(body).toMatch(/Campaign A.*\| 5h \|/);
    expect(body).toContain(`[Latest run](${RUN})`);
    expect(body.trimEnd().endsWith('-->')).toBe(true);
    expect(readMarker(body).state).toEqual(nextState);
  });

  it('stays under the limit with thousands of long findings, keeping the marker intact', () => {
    const long = 'x'.repeat(300);
    const findings = Array.from({ length: 4000 }, (_, i) =>
      finding(`${long}-${i}`, i % 3 === 0 ? 'warning' : 'error', { message: `${long} ${i}` }),
    );
    const { nextState } = stateFor(findings, 2);
    if (!nextState) throw new Error('no state');
    const body = renderIssueBody({
      report: report(findings),
      state: nextState,
      now: at(2),
      runUrl: RUN,
    });
    expect(Array.from(body).length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toMatch(/…and \d+ more not shown/);
    const reading = readMarker(body);
    expect(reading.warning).toBeUndefined();
    expect(reading.state?.workspaceId).toBe(WORKSPACE.id);
    // Warnings are dropped from the state before errors.
    const kept = Object.values(reading.state?.findings ?? {});
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((f) => f.severity === 'error')).toBe(true);
  });

  it('a hostile name cannot end the marker comment', () => {
    const findings = [
      finding('A', 'error', {
        resource: { type: 'campaign', id: 'A', name: 'x --> <!-- @team #12' },
      }),
    ];
    const { nextState } = stateFor(findings);
    if (!nextState) throw new Error('no state');
    const body = renderIssueBody({ report: report(findings), state: nextState, now: at(0) });
    const marker = serializeMarker(nextState);
    expect(body.endsWith(marker)).toBe(true);
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    expect(readMarker(body).state).toEqual(nextState);
  });
});

describe('comments', () => {
  it('a change comment lists new and recovered problems and how many still fail', () => {
    const text = renderChangeComment(
      {
        newErrors: [
          {
            fingerprint: 'campaign.status:campaign:C',
            check: 'campaign.status',
            resource: { type: 'campaign', id: 'C', name: 'Campaign C' },
            firstSeen: at(0).toISOString(),
          },
        ],
        recovered: [
          {
            fingerprint: 'campaign.status:campaign:B',
            check: 'campaign.status',
            resource: { type: 'campaign', id: 'B', name: 'Campaign B' },
            firstSeen: at(0).toISOString(),
          },
        ],
        stillFailing: 2,
      },
      report([finding('C')]),
      RUN,
    );
    expect(text).toMatch(/\*\*New\*\*[\s\S]*Campaign C[\s\S]*Campaign C is paused/);
    expect(text).toMatch(/\*\*Recovered\*\*[\s\S]*Campaign B/);
    expect(text).toContain('2 errors still failing');
  });

  it('the closing comment says how long the outage lasted', () => {
    const text = renderClosingComment(
      { recovered: [], outage: { startedAt: at(0).toISOString(), durationMs: 26 * 3_600_000 } },
      RUN,
    );
    expect(text).toMatch(/^Recovered after 1d 2h/);
  });

  it('formats durations and the run link', () => {
    expect(formatElapsed(30_000)).toBe('less than a minute');
    expect(formatElapsed(65 * 60_000)).toBe('1h 5m');
    expect(
      runUrlFromEnv({
        GITHUB_SERVER_URL: 'https://ghe.example.com',
        GITHUB_REPOSITORY: 'acme/ops',
        GITHUB_RUN_ID: '7',
      }),
    ).toBe('https://ghe.example.com/acme/ops/actions/runs/7');
    expect(runUrlFromEnv({})).toBeUndefined();
  });
});

describe('the whole body stays under GitHub’s limit (issue 15)', () => {
  it('with a huge remediation section, a full trend and a big marker, it fits and the marker is whole', () => {
    const long = 'n'.repeat(150);
    const findings = Array.from({ length: 400 }, (_, i) =>
      finding(`${long}${i}`, 'error', { message: `${long} <b>#${i}</b> @team` }),
    );
    const { nextState } = stateFor(findings, 2);
    if (!nextState) throw new Error('no state');
    const history = Array.from({ length: 30 }, (_, i) => ({
      at: at(i).toISOString(),
      errors: i,
      warnings: 0,
      bounceRate: 0.01,
      webhookFailureRate: null,
      unhealthyAccounts: 1,
    }));
    const big = {
      ...report(findings),
      remediation: {
        dryRun: false,
        actions: ['resume-webhooks'],
        steps: Array.from({ length: 100 }, (_, i) => ({
          action: 'resume-webhook',
          resource: {
            type: 'webhook' as const,
            id: `wh-${i}`,
            name: `Hook ${i} ${'|*_'.repeat(60)}`,
          },
          outcome: 'skipped' as const,
          detail: '|*_<>'.repeat(200),
        })),
      },
    };
    const body = renderIssueBody({
      report: big,
      state: { ...nextState, history },
      now: at(2),
      runUrl: RUN,
    });
    expect(Array.from(body).length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(readMarker(body).state?.workspaceId).toBe(WORKSPACE.id);
  });
});
