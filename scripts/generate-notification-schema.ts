/**
 * Writes schema/notification.schema.json from the zod notification payload, formatted with the
 * repository's Prettier config. Run after changing src/notify/payload.ts:
 *   npx tsx scripts/generate-notification-schema.ts
 * (test/notify/schema.test.ts fails while the committed file is stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import prettier from 'prettier';
import { NOTIFICATION_SCHEMA_PATH, notificationJsonSchemaText } from '../src/notify/schema.js';

export const schemaFile = fileURLToPath(new URL(`../${NOTIFICATION_SCHEMA_PATH}`, import.meta.url));

export async function generateNotificationSchema(): Promise<string> {
  const config = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(notificationJsonSchemaText(), { ...config, filepath: schemaFile });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(schemaFile, await generateNotificationSchema());
  process.stdout.write(`wrote ${NOTIFICATION_SCHEMA_PATH}\n`);
}
