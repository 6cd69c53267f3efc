import { z } from 'zod';
import { Report } from '../model/report.js';

/** Where the schema is committed, relative to the repository root. */
export const REPORT_SCHEMA_PATH = 'schema/report.schema.json';

/**
 * The JSON Schema of the JSON report, generated from the zod `Report` schema so the two cannot
 * drift. `io: 'output'` describes the report as written (defaults filled in, so `evidence`,
 * `details`, `silenced` and `waitMs` are always present).
 */
export function reportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Report, { io: 'output', target: 'draft-2020-12' });
  return {
    $schema: generated.$schema,
    title: 'instantly-health report',
    description:
      'The JSON report written by the instantly-health action (report-path output) and CLI (--format json).',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

/** The schema as JSON text (the generator script formats it with the repository's Prettier). */
export function reportJsonSchemaText(): string {
  return JSON.stringify(reportJsonSchema(), null, 2) + '\n';
}
