import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  generateNotificationSchema,
  schemaFile,
} from '../../scripts/generate-notification-schema.js';

describe('schema/notification.schema.json', () => {
  it('is the committed file, regenerated from the zod payload (npx tsx scripts/generate-notification-schema.ts)', async () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(await generateNotificationSchema());
  });
});
