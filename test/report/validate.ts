/** Validates reports against the committed JSON Schema, so every report the tests build is checked. */
import { expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { schemaFile } from '../../scripts/generate-report-schema.js';

export const committedSchema = readFileSync(schemaFile, 'utf8');
export const validateReport = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(committedSchema) as object,
);

export function expectValidReport(value: unknown): void {
  const ok = validateReport(value);
  expect(validateReport.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}
