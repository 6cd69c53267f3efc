/**
 * The import graph under src/ runs one way: a layer imports its own and lower layers only.
 * The order is stated once, in docs/architecture.md (the `layers` block); this test reads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

/** Area name → rank (0 = bottom), from the doc's block, highest line first. */
export function layersFrom(markdown: string): Map<string, number> {
  const block = /```layers\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('docs/architecture.md has no ```layers block');
  const lines = block.split('\n').filter((l) => l.trim() !== '');
  const ranks = new Map<string, number>();
  lines.forEach((line, i) => {
    const names =
      line
        .split(/\s{2,}/)[0]
        ?.trim()
        .split(/\s+/) ?? [];
    for (const name of names) ranks.set(name, lines.length - 1 - i);
  });
  return ranks;
}

/** `src/checks/engine.ts` → `checks`; `src/main.ts` → `main`; `src/cli/progress.ts` → `cli`. */
function areaOf(file: string): string {
  const [first = ''] = path.relative(SRC, file).split(path.sep);
  return first.replace(/\.ts$/, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative import, static, type-only or dynamic, of a TypeScript source. */
export function importsOf(source: string): string[] {
  const spec = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
  return [...source.matchAll(spec)].map((m) => m[1] ?? '');
}

export function upwardImports(
  files: readonly { file: string; source: string }[],
  ranks: Map<string, number>,
): string[] {
  const found: string[] = [];
  for (const { file, source } of files) {
    const from = areaOf(file);
    for (const spec of importsOf(source)) {
      const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
      const to = areaOf(target);
      const [a, b] = [ranks.get(from), ranks.get(to)];
      if (a === undefined) found.push(`${path.relative(ROOT, file)}: src/${from} is in no layer`);
      else if (b === undefined)
        found.push(`${path.relative(ROOT, target)}: src/${to} is in no layer`);
      else if (b > a) found.push(`${path.relative(ROOT, file)} (${from}) imports ${spec} (${to})`);
    }
  }
  return found;
}

const ranks = layersFrom(readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8'));

describe('layers', () => {
  it('no import under src/ runs from a lower layer to a higher one', () => {
    const files = sourceFiles(SRC).map((file) => ({ file, source: readFileSync(file, 'utf8') }));
    expect(files.length).toBeGreaterThan(50);
    expect(upwardImports(files, ranks)).toEqual([]);
  });

  it('catches an upward import, a dynamic one included', () => {
    const file = (rel: string, source: string) => ({ file: path.join(SRC, rel), source });
    expect(
      upwardImports(
        [
          file('model/report.ts', "import { finding } from '../checks/finding.js';"),
          file('checks/engine.ts', "const t = await import('../tracking/track.js');"),
          file('report/text.ts', "import type { Report } from '../model/report.js';"),
        ],
        ranks,
      ),
    ).toEqual([
      'src/model/report.ts (model) imports ../checks/finding.js (checks)',
      'src/checks/engine.ts (checks) imports ../tracking/track.js (tracking)',
    ]);
  });
});
