/**
 * Shared pieces of the end-to-end stories: the bundle must exist, every run's artefacts (outputs
 * file, summary, JSON report) are read and checked the same way, and the summary is read as a
 * person reads it on GitHub (rendered by cmark-gfm, tags stripped), not as escaped markdown.
 */
import { expect } from '@jest/globals';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/model/report.js';
import type { ScenarioSpec } from '../../src/simulator/index.js';
import { renderGfm, textOf } from '../report/gfm.js';
import { expectValidReport } from '../report/validate.js';
import { actionDefinition, ROOT, type ActionRun } from './runner.js';

export const BUNDLE = path.join(ROOT, 'dist', 'index.js');

/**
 * The e2e stories run the bundle GitHub runs; without it they would test nothing, and with one
 * older than the sources they would silently test yesterday's code. `npm run test:e2e` builds
 * it first; running these files another way after a source edit fails here.
 */
export function requireBundle(): void {
  if (!existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run \`npm run test:e2e\` (it builds dist/ first).`);
  }
  const stale = newerThan(path.join(ROOT, 'src'), statSync(BUNDLE).mtimeMs);
  if (stale) {
    throw new Error(
      `dist/ is older than ${path.relative(ROOT, stale)}: the stories would test a stale bundle. ` +
        'Run `npm run test:e2e`, which builds dist/ from source first.',
    );
  }
}

/** The first file under `dir` changed after `mtimeMs`, if any. */
function newerThan(dir: string, mtimeMs: number): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newerThan(full, mtimeMs);
      if (found) return found;
    } else if (statSync(full).mtimeMs > mtimeMs) {
      return full;
    }
  }
  return undefined;
}

/** The runner's GITHUB_REPOSITORY (see runner.ts); the fake GitHub must serve the same one. */
export const REPOSITORY = { owner: 'acme', repo: 'outbound' } as const;

/** A small workspace: each run costs about a dozen requests and a second or two. */
export function smallWorkspace(problems: ScenarioSpec['problems'] = {}): ScenarioSpec {
  return {
    name: 'e2e',
    workspaceName: 'Acme Outbound',
    campaigns: 4,
    activeShare: 0.5,
    accounts: 6,
    sendingDomains: 2,
    webhooks: 1,
    leadsPerCampaign: 200,
    problems,
  };
}

/** The job summary as a reader sees it once GitHub renders it. */
export function summaryText(run: ActionRun): string {
  return textOf(renderGfm(run.summary)).replace(/\u2060/g, '');
}

/**
 * The checks every run must pass whatever its story: every output action.yml declares is set
 * (and nothing else), the summary was written, and the JSON report at `report-path` exists,
 * lies under RUNNER_TEMP and validates against the committed schema.
 */
export async function expectArtefacts(run: ActionRun): Promise<Report> {
  const declared = Object.keys((await actionDefinition()).outputs).sort();
  expect(Object.keys(run.outputs).sort()).toEqual(declared);
  expect(run.summary.trim()).not.toBe('');
  const reportPath = run.outputs['report-path'] ?? '';
  expect(path.dirname(reportPath)).toBe(run.dir);
  const report = JSON.parse(await readFile(reportPath, 'utf8')) as Report;
  expectValidReport(report);
  expect(run.outputs.status).toBe(report.status);
  const count = (severity: string) => report.findings.filter((f) => f.severity === severity);
  expect(run.outputs.errors).toBe(String(count('error').length));
  expect(run.outputs.warnings).toBe(String(count('warning').length));
  return report;
}

/** A repository checkout holding `.github/instantly-health.yml` with this text. */
export async function workspaceWithConfig(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ih-e2e-ws-'));
  await mkdir(path.join(dir, '.github'));
  await writeFile(path.join(dir, '.github', 'instantly-health.yml'), text);
  return dir;
}

/** `::error …::message` lines the action printed (workflow commands), message unescaped. */
export function errorCommands(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) =>
      line
        .slice(line.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%'),
    );
}
