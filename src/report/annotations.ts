import { escapeTerminal } from './escape.js';
import { plural, sortFindings } from './format.js';
import type { Finding, Report } from '../model/report.js';

/**
 * Annotations for the run page: one per finding, planned purely here and emitted by the action
 * glue (`core.error` / `core.warning` with `{ title }`).
 *
 * GitHub displays at most 10 error and 10 warning annotations per step (and 50 per job); further
 * ones are dropped silently. Sources: "Limitation: 10 warning annotations and 10 error
 * annotations per step, 50 annotations per job"
 * (https://github.com/orgs/community/discussions/26680, and reviewdog's notice quoting
 * https://github.community/t5/GitHub-Actions/Maximum-number-of-annotations-that-can-be-created-using-GitHub/m-p/39085).
 * So when a level has more, the last visible slot counts the rest instead of dropping them
 * silently.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationLevel = 'error' | 'warning';

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
}

export interface AnnotationOptions {
  /** Most annotations per level, the counting one included. */
  maxPerLevel?: number;
}

// Annotation text is plain text (not markdown) but must not carry control characters into the
// log or the UI; titles show on one line.
const TITLE_MAX = 200;
const MESSAGE_MAX = 1_000;

export function planAnnotations(report: Report, options: AnnotationOptions = {}): Annotation[] {
  const max = Math.max(1, Math.floor(options.maxPerLevel ?? ANNOTATIONS_PER_LEVEL));
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];

  if (report.status === 'failed') {
    errors.push({
      level: 'error',
      title: 'instantly-health could not check the workspace',
      message: report.failure
        ? `${escapeTerminal(report.failure.message, { max: MESSAGE_MAX })} Fix: ${escapeTerminal(report.failure.remediation, { max: MESSAGE_MAX })}`
        : 'The run stopped before any check could decide. See the job summary.',
    });
  }
  for (const f of sortFindings(report.findings)) {
    // `unknown` (the check could not decide) is not an error of the workspace: a warning.
    (f.severity === 'error' ? errors : warnings).push(annotationOf(f));
  }
  return [...capped(errors, 'error', max), ...capped(warnings, 'warning', max)];
}

function annotationOf(f: Finding): Annotation {
  const resource = f.resource.name ?? f.resource.id;
  return {
    level: f.severity === 'error' ? 'error' : 'warning',
    title: escapeTerminal(`${f.check}: ${f.resource.type} ${resource}`, { max: TITLE_MAX }),
    message: escapeTerminal(`${f.message} Fix: ${f.remediation}`, { max: MESSAGE_MAX }),
  };
}

function capped(list: Annotation[], level: AnnotationLevel, max: number): Annotation[] {
  if (list.length <= max) return list;
  const shown = list.slice(0, max - 1);
  const rest = list.length - shown.length;
  const noun = level === 'error' ? 'error' : 'warning';
  return [
    ...shown,
    {
      level,
      title: `${plural(rest, `more ${noun}`, `more ${noun}s`)} not annotated`,
      message: `GitHub shows only ${max} ${noun} annotations per step. The job summary and the JSON report list all ${list.length.toLocaleString('en-US')}.`,
    },
  ];
}
