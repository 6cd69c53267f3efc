import { z } from 'zod';
import { describeExpected, describeValue, quote } from './describe.js';
import { didYouMean } from './suggest.js';
import type { KeyPath } from './yaml-locate.js';

/**
 * A problem inside the config file before it is placed on a line: the key path it concerns,
 * whether it is about the key itself or its value, and the words for people.
 */
export interface PathIssue {
  path: KeyPath;
  target: 'key' | 'value';
  message: string;
  hint?: string;
}

/** `campaigns.bounce_rate.warning`, `ignore[0].until`, `severity["campaign.paused"]`. */
export function formatKeyPath(path: KeyPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment))
      text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** The value at `path` in the parsed (not yet validated) data. */
export function valueAt(data: unknown, path: KeyPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** The keys a mapping at `path` accepts, read from the schema itself so they never drift. */
export function keysAt(schema: z.ZodType, path: KeyPath): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) {
      const shape = current.shape as Record<string, z.ZodType>;
      current = Object.hasOwn(shape, segment) ? shape[String(segment)] : undefined;
    } else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
    if (current === undefined) return [];
    current = unwrap(current);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/**
 * `issue:` followed only by commented-out lines parses as null. For a section (a mapping or a
 * list) that means "nothing set here", like an empty file, so it takes its defaults; an empty
 * scalar (`min_sent:`) stays an error, since it is more likely a value left out by mistake.
 */
export function dropEmptySections(data: unknown, schema: z.ZodType): unknown {
  const shape = unwrap(schema);
  if (!(shape instanceof z.ZodObject) || !isMapping(data)) return data;
  const fields = shape.shape as Record<string, z.ZodType>;
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    // hasOwn: a key such as `constructor` must not find Object.prototype's.
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (field === undefined) {
      entries.push([key, value]);
      continue;
    }
    const inner = unwrap(field);
    const isSection =
      inner instanceof z.ZodObject || inner instanceof z.ZodRecord || inner instanceof z.ZodArray;
    if (value === null && isSection) continue;
    entries.push([key, dropEmptySections(value, field)]);
  }
  // fromEntries defines own properties: a `__proto__` key stays a key (an unknown one) instead
  // of replacing the object's prototype.
  return Object.fromEntries(entries);
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable
  ) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) {
    // A preprocess (transform → schema) validates with its output side; a transform after a
    // schema validates with its input side.
    const side = schema.in instanceof z.ZodTransform ? schema.out : schema.in;
    return unwrap(side as z.ZodType);
  }
  return schema;
}

const FRACTION_HINT = 'Thresholds are fractions: write 0.05 for 5 %.';

/** Turns zod's issues into messages that say what was found and what is expected. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  schema: z.ZodType,
): PathIssue[] {
  // A section-level rule (warning below error) fed a bad field only repeats that field's problem.
  const consequential = (issue: z.core.$ZodIssue) =>
    issue.code === 'custom' &&
    issues.some(
      (other) =>
        other.path.length > issue.path.length &&
        issue.path.every((segment, i) => other.path[i] === segment),
    );
  return issues
    .filter((issue) => !consequential(issue))
    .flatMap((issue) => describeIssue(issue, data, schema));
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown, schema: z.ZodType): PathIssue[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey([...path, key], keysAt(schema, path)));

    case 'invalid_type': {
      const isDate = path.at(-1) === 'until';
      const expected = isDate ? 'a date (YYYY-MM-DD)' : describeExpected(issue.expected);
      if (value === undefined) {
        return [
          { path, target: 'value', message: `required key is missing: expected ${expected}` },
        ];
      }
      return [
        {
          path,
          target: 'value',
          message: `expected ${expected}, got ${describeValue(value)}`,
          hint: typeHint(issue.expected, value),
        },
      ];
    }

    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const expected = allowed.length === 1 ? String(allowed[0]) : `one of ${allowed.join(', ')}`;
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return [
        {
          path,
          target: 'value',
          message: `expected ${expected}, got ${describeValue(value)}${suggestion}`,
          hint:
            path.length === 1 && path[0] === 'version'
              ? 'This release reads config version 1.'
              : undefined,
        },
      ];
    }

    case 'too_small':
    case 'too_big': {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      const relation =
        issue.code === 'too_small'
          ? inclusive
            ? 'at least'
            : 'greater than'
          : inclusive
            ? 'at most'
            : 'less than';
      const isFraction = issue.code === 'too_big' && bound === 1 && issue.origin === 'number';
      return [
        {
          path,
          target: 'value',
          message: `must be ${relation} ${bound}, got ${describeValue(value)}`,
          hint: isFraction ? FRACTION_HINT : undefined,
        },
      ];
    }

    default:
      return [
        {
          path,
          target: issue.code === 'custom' && isMapping(value) ? 'key' : 'value',
          message: issue.message,
        },
      ];
  }
}

function isMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function unknownKey(path: KeyPath, valid: readonly string[]): PathIssue {
  const key = String(path.at(-1));
  const suggestion = didYouMean(key, valid);
  let hint: string | undefined;
  if (/^api[-_ ]?key$/i.test(key)) {
    hint =
      'The API key never goes in the config file: pass it from a secret as the api-key input (INSTANTLY_API_KEY for the CLI).';
  } else if (suggestion === '' && valid.length > 0) {
    hint = `Valid keys here: ${valid.join(', ')}.`;
  }
  return { path, target: 'key', message: `unknown key${suggestion}`, hint };
}

function typeHint(expected: string, value: unknown): string | undefined {
  if (
    (expected === 'number' || expected === 'int') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  ) {
    return `Remove the quotes: ${value.trim()}.`;
  }
  if (expected === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    return `Remove the quotes: ${value.trim().toLowerCase()}.`;
  }
  if (expected === 'array' && typeof value === 'string') {
    return `Write a list, e.g. [${value
      .split(/[,\s]+/)
      .filter((v) => v !== '')
      .map((v) => quote(v).slice(1, -1))
      .join(', ')}].`;
  }
  if (expected === 'object' && value === null) {
    return 'Give it keys, or delete the line to use the defaults.';
  }
  return undefined;
}
