import { CHECK_IDS } from '../model/checks.js';
import { quote } from './describe.js';
import type { PathIssue } from './issues.js';
import { nearest } from './suggest.js';

/**
 * `severity` keys and `ignore[].check` must name checks that exist: a misspelt id would
 * otherwise silently override or silence nothing. The list is the check catalogue
 * (src/model/checks.ts); this runs on the raw data next to the schema, so all problems are
 * reported together, each with the nearest known id.
 */
export function checkIdIssues(data: unknown, known: readonly string[] = CHECK_IDS): PathIssue[] {
  if (data === null || typeof data !== 'object') return [];
  const issues: PathIssue[] = [];
  const { severity, ignore } = data as { severity?: unknown; ignore?: unknown };

  if (severity !== null && typeof severity === 'object' && !Array.isArray(severity)) {
    for (const id of Object.keys(severity)) {
      if (!known.includes(id)) issues.push(unknownCheck(['severity', id], 'key', id, known));
    }
  }
  if (Array.isArray(ignore)) {
    ignore.forEach((entry: unknown, index) => {
      if (entry === null || typeof entry !== 'object') return;
      const check = (entry as { check?: unknown }).check;
      if (typeof check === 'string' && !known.includes(check)) {
        issues.push(unknownCheck(['ignore', index, 'check'], 'value', check, known));
      }
    });
  }
  return issues;
}

function unknownCheck(
  path: (string | number)[],
  target: 'key' | 'value',
  id: string,
  known: readonly string[],
): PathIssue {
  const match = nearest(id, known);
  if (match !== undefined) {
    return { path, target, message: `unknown check id ${quote(id)}; did you mean "${match}"?` };
  }
  const prefix = id.split('.')[0] ?? '';
  const family = known.filter((k) => k.startsWith(`${prefix}.`));
  const hint =
    family.length > 0
      ? `Known ${prefix} checks: ${family.join(', ')}.`
      : `Check ids look like ${known.slice(0, 3).join(', ')}; the README lists them all.`;
  return { path, target, message: `unknown check id ${quote(id)}`, hint };
}
