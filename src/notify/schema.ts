import { z } from 'zod';
import { NotificationPayload } from './payload.js';

/** Where the schema of the `json` notification is committed, relative to the repository root. */
export const NOTIFICATION_SCHEMA_PATH = 'schema/notification.schema.json';

/**
 * The JSON Schema of the `json` notification format (contract section 7), generated from the
 * zod payload so the two cannot drift (test/notify/schema.test.ts fails while it is stale).
 */
export function notificationJsonSchemaText(): string {
  const generated = z.toJSONSchema(NotificationPayload, { io: 'output', target: 'draft-2020-12' });
  const schema = {
    $schema: generated.$schema,
    title: 'instantly-health notification',
    description:
      'The body instantly-health POSTs to a notify-url in the json format: one event of the tracking issue (opened or reopened, changed, recovered, blind checking started or ended).',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}
