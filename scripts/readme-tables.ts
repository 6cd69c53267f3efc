import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CHECK_CATALOGUE } from '../src/model/checks.js';

/**
 * The README's inputs and outputs tables are generated from action.yml, and its list of checks
 * from the check catalogue (src/model/checks.ts), so the documentation cannot drift from what
 * the runner passes or the checks emit. `npm run readme` rewrites them; a test fails when they
 * differ.
 */

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

const cell = (text: string) =>
  text
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');

export function renderTables(actionYaml: string): { inputs: string; outputs: string } {
  const action = parse(actionYaml) as ActionYaml;
  const inputs = [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(([name, spec]) => {
      const def = spec.required ? '**required**' : spec.default ? `\`${spec.default}\`` : '(empty)';
      return `| \`${name}\` | ${cell(def)} | ${cell(spec.description)} |`;
    }),
  ].join('\n');
  const outputs = [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(
      ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`,
    ),
  ].join('\n');
  return { inputs, outputs };
}

const SEVERITY_LABEL = { error: 'error', warning: 'warning', unknown: 'unknown only' } as const;

/** One row per check id, in the catalogue's order (suite by suite, report order). */
export function renderChecks(): string {
  return [
    '| check | suite | at most | what it finds |',
    '| --- | --- | --- | --- |',
    ...CHECK_CATALOGUE.map((c: (typeof CHECK_CATALOGUE)[number]) => {
      const suite = c.suite === 'any' ? '(any)' : `\`${c.suite}\``;
      const finds = 'finds' in c ? c.finds : c.title;
      return `| \`${c.id}\` | ${suite} | ${SEVERITY_LABEL[c.severity]} | ${cell(finds)} |`;
    }),
  ].join('\n');
}

export function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

export function updateReadme(readme: string, actionYaml: string): string {
  const tables = renderTables(actionYaml);
  const withTables = replaceBetween(
    replaceBetween(readme, 'inputs', tables.inputs),
    'outputs',
    tables.outputs,
  );
  return replaceBetween(withTables, 'checks', renderChecks());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = updateReadme(readme, readFileSync(path.join(root, 'action.yml'), 'utf8'));
  if (process.argv.includes('--write')) writeFileSync(readmePath, next);
  else if (next !== readme) {
    console.error(
      'README.md tables differ from action.yml or the check catalogue: run npm run readme',
    );
    process.exitCode = 1;
  }
}
