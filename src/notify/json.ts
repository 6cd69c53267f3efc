import type { Notifier } from './notifier.js';
import type { NotificationPayload } from './payload.js';

/**
 * The generic webhook: the versioned payload as is (schema/notification.schema.json). Strings
 * are the API's own, unescaped, as in the JSON report: the receiver escapes for its output.
 */
export const jsonNotifier: Notifier = {
  format: 'json',
  body: (payload: NotificationPayload) => payload,
};
