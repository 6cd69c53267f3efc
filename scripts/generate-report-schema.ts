/**
 * Writes schema/report.schema.json from the zod Report schema, formatted with the repository's
 * Prettier config so `prettier --check .` stays clean.
 * Run after changing src/model/report.ts:  npx tsx scripts/generate-report-schema.ts
 * (test/report/json.test.ts fails while the committed file is stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import prettier from 'prettier';
import { REPORT_SCHEMA_PATH, reportJsonSchemaText } from '../src/report/schema.js';

export const schemaFile = fileURLToPath(new URL(`../${REPORT_SCHEMA_PATH}`, import.meta.url));

export async function generateReportSchema(): Promise<string> {
  const config = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(reportJsonSchemaText(), { ...config, filepath: schemaFile });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(schemaFile, await generateReportSchema());
  process.stdout.write(`wrote ${REPORT_SCHEMA_PATH}\n`);
}
