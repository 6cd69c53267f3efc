import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import {
  formatResult,
  lintWorkflows,
  ROOT,
  WORKFLOWS,
  workflowFiles,
} from '../scripts/actionlint.js';

const workflow = (name: string) =>
  parse(readFileSync(path.join(WORKFLOWS, name), 'utf8')) as Record<string, unknown>;

describe('the workflows', () => {
  it('pass actionlint', async () => {
    const files = workflowFiles();
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(['ci.yml', 'check-dist.yml', 'instantly-health.yml']),
    );
    expect((await lintWorkflows(files)).map(formatResult)).toEqual([]);
  });

  it("the README's complete workflows pass actionlint too", async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1] ?? '')
      .filter((text) => /^on:/m.test(text) && /^jobs:/m.test(text));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const dir = mkdtempSync(path.join(tmpdir(), 'ih-readme-workflows-'));
    const files = blocks.map((text, i) => {
      const file = path.join(dir, `readme-${i}.yml`);
      writeFileSync(file, text);
      return file;
    });
    expect((await lintWorkflows(files)).map(formatResult)).toEqual([]);
  });

  it('actionlint does report a broken workflow (the linter is really running)', async () => {
    const broken = path.join(ROOT, 'test', 'fixtures', 'broken-workflow.yml');
    const messages = (await lintWorkflows([broken])).map((r) => r.message).join('\n');
    expect(messages).toContain('invalid CRON format "77 * * * *"');
    expect(messages).toContain('unknown permission scope "issue"');
  });

  it('the example runs hourly and on demand, can write issues, and never races on the issue', () => {
    const example = workflow('instantly-health.yml');
    expect(example.on).toMatchObject({
      schedule: [{ cron: expect.stringMatching(/^\d+ \* \* \* \*$/) as unknown }],
      workflow_dispatch: null,
    });
    expect(example.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(example.concurrency).toMatchObject({ 'cancel-in-progress': false });
    expect(JSON.stringify(example.jobs)).toContain('${{ secrets.INSTANTLY_API_KEY }}');
  });

  it('CI runs the action itself with uses: ./ against the simulator', () => {
    const ci = JSON.stringify(workflow('ci.yml'));
    expect(ci).toContain('"uses":"./"');
    expect(ci).toContain('npm run --silent simulator');
  });

  it('dependabot updates npm packages and the actions the workflows use', () => {
    const dependabot = parse(
      readFileSync(path.join(ROOT, '.github', 'dependabot.yml'), 'utf8'),
    ) as { updates: { 'package-ecosystem': string }[] };
    expect(dependabot.updates.map((u) => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm',
    ]);
  });
});
