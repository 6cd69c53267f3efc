import type { NotifySettings } from '../config/schema.js';
import { notificationEvents } from '../tracking/events.js';
import { notifierFor } from './formats.js';
import { buildPayload, type PayloadInput } from './payload.js';
import { sendJson, type SendOptions } from './send.js';

/**
 * A workspace's notifications after tracking: the plan's events (src/tracking/events.ts), each
 * built into the payload, formatted by the target's notifier and POSTed by the one sender. A
 * failure is returned as a line for the summary and the log; it never fails the run.
 */

export interface WorkspaceNotice extends Omit<PayloadInput, 'event'> {
  plan: PayloadInput['plan'] & Parameters<typeof notificationEvents>[0];
}

export interface NotifyOutcome {
  /** Events sent, in order. */
  sent: string[];
  /** One line per notification that could not be sent. */
  failures: string[];
}

export async function notifyWorkspace(
  target: NotifySettings,
  notice: WorkspaceNotice,
  options: SendOptions = {},
): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { sent: [], failures: [] };
  const notifier = notifierFor(target.url, target.format);
  for (const event of notificationEvents(notice.plan)) {
    const body = notifier.body(buildPayload({ ...notice, event }));
    const result = await sendJson(target.url, body, options);
    if (result.ok) outcome.sent.push(event);
    else
      outcome.failures.push(
        `The ${event} notification (${notifier.format}) was not sent: ${result.message}`,
      );
  }
  return outcome;
}
