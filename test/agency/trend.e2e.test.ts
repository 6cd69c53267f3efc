/**
 * A trend over several runs: the tracking issue against the fake GitHub, its body rendered with
 * cmark-gfm as GitHub renders it. The mermaid chart must arrive as a well-formed `xychart-beta`
 * block (GitHub draws the `language-mermaid` code block) and every table must stay intact.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readMarker } from '../../src/tracking/marker.js';
import { trackHealth } from '../../src/tracking/track.js';
import { TREND_RUNS } from '../../src/tracking/trend.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { decodeEntities, renderGfm, tableShapes, textOf } from '../report/gfm.js';
import { at, config, finding, report, WORKSPACE } from '../tracking/helpers.js';

let gh: FakeGitHub;
const saved = process.env.GITHUB_API_URL;

beforeEach(async () => {
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'ops' });
  process.env.GITHUB_API_URL = gh.url;
});

afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
  if (saved === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = saved;
});

const bounce = (id: string, rate: number) =>
  finding(id, rate >= 0.05 ? 'error' : 'warning', {
    check: 'campaign.bounce-rate',
    fingerprint: `campaign.bounce-rate:campaign:${id}`,
    evidence: { rate },
  });

/** Errors per run, day by day: a workspace getting worse, then better. */
const RUNS = [
  [finding('A')],
  [finding('A'), bounce('B', 0.04)],
  [finding('A'), finding('C'), bounce('B', 0.07)],
  [finding('A'), finding('C'), finding('D'), bounce('B', 0.09)],
  [finding('C'), bounce('B', 0.06)],
];

async function runDay(day: number, findings = RUNS[day] ?? []) {
  const now = at(day * 24);
  return trackHealth({
    report: { ...report(findings), finishedAt: now.toISOString() },
    token: 'ghs_fake_token',
    repo: { owner: 'acme', repo: 'ops' },
    labels: ['instantly-health'],
    assignees: [],
    title: `Instantly health: ${WORKSPACE.name}`,
    config: config(),
    now,
    client: { retryAfterBaseMs: 1, spaceWrites: false },
  });
}

function mermaidBlocks(html: string): string[] {
  return [...html.matchAll(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g)].map(
    (m) => decodeEntities(m[1] ?? ''),
  );
}

describe('a trend over several runs', () => {
  it('draws a chart GitHub renders and a table of since figures in the issue body', async () => {
    let last;
    for (let day = 0; day < RUNS.length; day++) last = await runDay(day);
    expect(last?.trend?.map((p) => p.errors)).toEqual([1, 1, 3, 4, 2]);

    const issue = gh.openIssues()[0];
    const body = issue?.body ?? '';
    expect(readMarker(body).state?.history).toHaveLength(RUNS.length);

    const html = renderGfm(body);
    const [chart, ...others] = mermaidBlocks(html);
    expect(others).toEqual([]);
    const lines = (chart ?? '')
      .trim()
      .split('\n')
      .map((l) => l.trim());
    expect(lines[0]).toBe('xychart-beta');
    expect(lines[1]).toBe('title "Errors (bars) and warnings (line), last 5 runs"');
    const list = (prefix: string) =>
      JSON.parse(
        `[${/\[(.*)\]/.exec(lines.find((l) => l.startsWith(prefix)) ?? '')?.[1] ?? ''}]`,
      ) as unknown[];
    const labels = list('x-axis');
    expect(labels).toHaveLength(RUNS.length);
    expect(new Set(labels).size).toBe(RUNS.length);
    expect(list('bar')).toEqual([1, 1, 3, 4, 2]);
    expect(list('line')).toEqual([0, 1, 0, 0, 0]);
    expect(lines.find((l) => l.startsWith('y-axis'))).toBe('y-axis "Findings" 0 --> 4');

    // Every table renders with as many cells per row as its header (findings and trend).
    const shapes = tableShapes(html);
    expect(shapes.length).toBeGreaterThanOrEqual(2);
    for (const shape of shapes) for (const row of shape.rows) expect(row).toBe(shape.header);
    const text = textOf(html);
    expect(text).toMatch(/Errors\s*▁▁▆█▃\s*1 → 2/);
    expect(text).toMatch(/Worst campaign bounce rate\s*·▁▅█▄\s*not flagged → 6 %/);
  });

  it(`keeps only the last ${TREND_RUNS} runs in the issue`, async () => {
    for (let day = 0; day < TREND_RUNS + 3; day++) await runDay(day, RUNS[day % RUNS.length]);
    const history = readMarker(gh.openIssues()[0]?.body).state?.history ?? [];
    expect(history).toHaveLength(TREND_RUNS);
  });

  it('goes on in the closed issue while the workspace is healthy, silently', async () => {
    await runDay(0, [finding('A')]);
    await runDay(1, []); // recovered: the issue closes
    const closed = gh.issues()[0];
    expect(closed?.state).toBe('closed');
    const comments = closed?.comments.length;
    await runDay(2, []);
    await runDay(3, []);
    const after = gh.issues()[0];
    expect(after?.state).toBe('closed');
    expect(after?.comments.length).toBe(comments);
    expect(readMarker(after?.body).state?.history?.map((p) => p.errors)).toEqual([1, 0, 0, 0]);
    // The next outage's chart shows the quiet runs before it.
    await runDay(4, [finding('B')]);
    const reopened = gh.openIssues()[0];
    expect(readMarker(reopened?.body).state?.history).toHaveLength(5);
  });
});
