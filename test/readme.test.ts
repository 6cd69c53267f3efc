import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { updateReadme } from '../scripts/readme-tables.js';

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
