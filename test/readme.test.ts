import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { updateReadme } from '../scripts/readme-tables.js';
import { CHECK_IDS } from '../src/checks/catalog.js';
import { ConfigFile } from '../src/config/schema.js';

const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

describe('README', () => {
  it('has the inputs and outputs tables of action.yml (run scripts/readme-tables.ts --write)', () => {
    const readme = read('README.md');
    expect(updateReadme(readme, read('action.yml'))).toBe(readme);
  });

  it('documents every input and output action.yml declares', () => {
    const readme = read('README.md');
    for (const name of [
      'api-key',
      'fail-on',
      'rate-limit',
      'timeout',
      'report-path',
      'regressed',
    ]) {
      expect(readme).toContain(`| \`${name}\` |`);
    }
  });

  it('starts with the two commands a newcomer needs: the demo and the whole test suite', () => {
    const firstLines = read('README.md').split('\n').slice(0, 8).join('\n');
    expect(firstLines).toContain('npm ci && npm run test:all');
    expect(firstLines).toMatch(/npm ci && .*demo/);
  });

  it('the test command CI runs is the one the README gives', () => {
    expect(read('.ci/run')).toContain('npm ci && npm run test:all');
  });
});

describe('README stays true to the product', () => {
  const readme = read('README.md');

  it("the quick start's workflow is .github/workflows/instantly-health.yml, byte for byte", () => {
    const workflow = read('.github/workflows/instantly-health.yml');
    expect(readme).toContain('```yaml\n' + workflow + '```\n');
  });

  it('the config reference shows the real defaults of every key', () => {
    const block = /```yaml\n(version: 1\nchecks:[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const documented = ConfigFile.parse(parse(block ?? ''));
    expect({ ...documented, checks: undefined }).toEqual(ConfigFile.parse({}));
    for (const [key, value] of Object.entries(ConfigFile.parse({}))) {
      expect(readme).toContain(`| \`${key}`);
      if (typeof value === 'object' && !Array.isArray(value)) {
        for (const sub of Object.keys(value)) expect(readme).toContain(`\`${key}.${sub}`);
      }
    }
  });

  it('names every check id, so severity and ignore entries can be looked up', () => {
    for (const id of CHECK_IDS) expect(readme).toContain(`\`${id}\``);
  });
});
