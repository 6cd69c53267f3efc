import type { NotifyFormat } from '../config/schema.js';
import type { NotificationPayload } from './payload.js';

/**
 * One interface for every target, like Gatus's alert providers: a notifier only turns the
 * payload into the body its platform accepts. It never decides whether to send (the tracking
 * plan does, src/tracking/events.ts) and never sends (src/notify/send.ts does). Pure.
 */
export interface Notifier {
  format: Exclude<NotifyFormat, 'auto'>;
  /** The JSON body to POST. */
  body(payload: NotificationPayload): unknown;
}
