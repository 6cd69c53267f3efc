/**
 * Config regexes (`campaigns.include.names`, `campaigns.exclude.names`) are matched against names
 * the API sends, with V8's backtracking engine, which a pattern such as `(a+)+$` makes take
 * exponential time on the right name: it blocks the event loop, so not even the run's deadline
 * can fire. Node has no linear-time engine without a V8 flag, so patterns are checked at config
 * load instead, by a conservative rule on the pattern's shape (it refuses some harmless patterns,
 * never lets a catastrophic one through), and names are matched on a bounded prefix.
 *
 * The rule, on a small parse of the pattern:
 *  1. no repeated group that itself contains a repeat (star height 2: `(a+)+`, `(\w*\s?)*`,
 *     `(a{1,9}){2,}`): the inner and outer repeats can split the same text in exponentially many
 *     ways;
 *  2. no repeated group whose alternatives can start with the same character, or can match
 *     nothing (`(a|ab)*`, `(\w|\d)+`, `(a|)+`): each repetition may take either branch;
 *  3. no backreferences (`\1`, `\k<name>`): no engine matches them in linear time;
 *  4. at most `MAX_REPEATS` repeats in all: k repeats over overlapping text cost up to n^k, and
 *     with names cut to `MAX_NAME_CHARS` three stay well under a second in the worst case.
 * A "repeat" is `*`, `+` or a `{m,n}` whose upper bound is above 1; lazy forms count the same.
 */

export const MAX_REPEATS = 3;
/** Names are matched on their first characters only: Instantly's own names are far shorter. */
export const MAX_NAME_CHARS = 512;

type First = ReadonlySet<string> | 'any';

interface Item {
  atom: Atom;
  min: number;
  max: number;
}
type Sequence = Item[];
type Atom =
  | { kind: 'char'; first: First }
  | { kind: 'group'; alternatives: Sequence[] }
  | { kind: 'assertion' };

class Unsafe extends Error {}

interface Parsed {
  alternatives: Sequence[];
  repeats: number;
}

/** A parser for the shape only: what each atom may start with, groups, alternations, repeats. */
function parse(source: string): Parsed {
  let at = 0;
  let repeats = 0;

  function escape(): Atom {
    // `at` is on the character after the backslash.
    const c = source[at] ?? '';
    at++;
    if (/[1-9]/.test(c))
      throw new Unsafe('a backreference (\\1…) cannot be matched in linear time');
    if (c === 'k' && source[at] === '<') {
      throw new Unsafe('a named backreference (\\k<…>) cannot be matched in linear time');
    }
    if (c === 'b' || c === 'B') return { kind: 'assertion' };
    if ((c === 'p' || c === 'P' || c === 'u') && source[at] === '{') {
      at = Math.max(at, source.indexOf('}', at) + 1);
      return { kind: 'char', first: 'any' };
    }
    if (c === 'x') {
      const hex = source.slice(at, at + 2);
      at += 2;
      return { kind: 'char', first: new Set([String.fromCharCode(parseInt(hex, 16))]) };
    }
    if (c === 'u') {
      const hex = source.slice(at, at + 4);
      at += 4;
      return { kind: 'char', first: new Set([String.fromCharCode(parseInt(hex, 16))]) };
    }
    if (/[dDwWsS.]/.test(c) || c === 'c' || c === '0') return { kind: 'char', first: 'any' };
    const control: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
    return { kind: 'char', first: new Set([control[c] ?? c]) };
  }

  function charClass(): Atom {
    // `at` is just past `[`; a class may match many characters: treat its first as any.
    while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
    at++;
    return { kind: 'char', first: 'any' };
  }

  function quantifier(): { min: number; max: number } | undefined {
    const c = source[at];
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!m) return undefined;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      at += m[0].length - 1;
      q = { min, max };
    }
    if (!q) return undefined;
    at++;
    if (source[at] === '?') at++; // lazy: backtracks all the same
    return q;
  }

  function alternatives(): Sequence[] {
    const alts: Sequence[] = [[]];
    while (at < source.length) {
      const c = source[at] ?? '';
      if (c === ')') break;
      at++;
      let atom: Atom;
      if (c === '|') {
        alts.push([]);
        continue;
      } else if (c === '\\') atom = escape();
      else if (c === '[') atom = charClass();
      else if (c === '^' || c === '$') atom = { kind: 'assertion' };
      else if (c === '(') {
        if (source[at] === '?') {
          const m = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(at));
          at += m ? m[0].length : 1;
          const lookaround = m !== null && /^\?(=|!|<=|<!)$/.test(m[0]);
          const inner = alternatives();
          at++;
          atom = lookaround ? { kind: 'assertion' } : { kind: 'group', alternatives: inner };
          // A lookaround still runs its own repeats.
          if (lookaround) checkGroup({ kind: 'group', alternatives: inner }, 1);
        } else {
          const inner = alternatives();
          at++;
          atom = { kind: 'group', alternatives: inner };
        }
      } else if (c === '.') atom = { kind: 'char', first: 'any' };
      else atom = { kind: 'char', first: new Set([c]) };
      const q = quantifier() ?? { min: 1, max: 1 };
      if (q.max > 1) repeats++;
      const item: Item = { atom, ...q };
      if (atom.kind === 'group') checkGroup(atom, q.max);
      alts[alts.length - 1]?.push(item);
    }
    return alts;
  }

  const top = alternatives();
  return { alternatives: top, repeats };
}

function repeatsInside(alternatives: readonly Sequence[]): boolean {
  return alternatives.some((seq) =>
    seq.some(
      (item) =>
        item.max > 1 || (item.atom.kind === 'group' && repeatsInside(item.atom.alternatives)),
    ),
  );
}

function firstOf(seq: Sequence): First | 'empty' {
  const out = new Set<string>();
  for (const item of seq) {
    if (item.atom.kind === 'assertion') continue;
    const first =
      item.atom.kind === 'char'
        ? item.atom.first
        : item.atom.alternatives.map(firstOf).reduce<First | 'empty'>(union, new Set());
    if (first === 'any' || first === 'empty') return 'any';
    for (const c of first) out.add(c);
    // An optional atom lets the next one start the match too.
    if (item.min > 0) return out;
  }
  return out.size === 0 ? 'empty' : 'any';
}

function union(a: First | 'empty', b: First | 'empty'): First | 'empty' {
  if (a === 'any' || b === 'any' || a === 'empty' || b === 'empty') return 'any';
  return new Set([...a, ...b]);
}

function checkGroup(group: Extract<Atom, { kind: 'group' }>, max: number): void {
  if (max <= 1) return;
  if (repeatsInside(group.alternatives)) {
    throw new Unsafe(
      'a repeated group contains another repeat (like `(a+)+`), which can take exponential time on a name that almost matches',
    );
  }
  if (group.alternatives.length > 1) {
    const seen = new Set<string>();
    for (const seq of group.alternatives) {
      const first = firstOf(seq);
      if (first === 'any' || first === 'empty') {
        throw new Unsafe(
          'a repeated group has alternatives that can match the same text (like `(a|ab)*` or `(\\w|\\d)+`), which can take exponential time',
        );
      }
      for (const c of first) {
        if (seen.has(c)) {
          throw new Unsafe(
            `a repeated group has alternatives that can both start with ${JSON.stringify(c)} (like \`(a|ab)*\`), which can take exponential time`,
          );
        }
        seen.add(c);
      }
    }
  }
}

/**
 * Why `pattern` could backtrack catastrophically, or undefined when it is safe by the rule
 * above. Call only on a pattern that `new RegExp` accepts.
 */
export function unsafeRegexReason(pattern: string): string | undefined {
  try {
    const { repeats } = parse(pattern);
    if (repeats > MAX_REPEATS) {
      return `it has ${repeats} repeats (*, +, {m,n}); at most ${MAX_REPEATS} keep matching time bounded`;
    }
    return undefined;
  } catch (error) {
    if (error instanceof Unsafe) return error.message;
    throw error;
  }
}

/** A tester for a checked pattern, on a bounded prefix of the name. */
export function namePattern(pattern: string): (name: string) => boolean {
  const regex = new RegExp(pattern);
  return (name) => regex.test(name.length > MAX_NAME_CHARS ? name.slice(0, MAX_NAME_CHARS) : name);
}
