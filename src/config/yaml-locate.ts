import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type KeyPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/**
 * Maps a key path of the parsed data back to a line and column of the YAML source, through the
 * document's node ranges. `key` points at a mapping key (an unknown key, a whole section whose
 * fields disagree); `value` at the value (a wrong type). A path that does not exist in the file
 * (a missing required key) points at the deepest part that does, so the reader lands next to it.
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: KeyPath,
  target: 'key' | 'value',
): Position | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  let keyOffset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (pair === undefined) break;
      keyOffset = rangeStart(pair.key);
      node = pair.value;
      // `key:` with nothing after it has an empty value node at the line's end: point at the key.
      offset = isEmpty(node) ? keyOffset : (rangeStart(node) ?? keyOffset);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined || item === null) break;
      keyOffset = undefined;
      node = item;
      offset = rangeStart(item) ?? offset;
    } else {
      break;
    }
  }
  const chosen = target === 'key' ? (keyOffset ?? offset) : offset;
  if (chosen === undefined) return undefined;
  const { line, col } = lineCounter.linePos(chosen);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as Node).range;
  return range?.[0];
}

function isEmpty(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  const range = (node as Partial<Node>).range;
  return isScalar(node) && node.value === null && range != null && range[0] === range[1];
}
