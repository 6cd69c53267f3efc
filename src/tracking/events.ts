import type { Plan } from './planner.js';

/**
 * What a run tells people outside GitHub (contract section 7), derived from the tracking plan
 * alone: a notification goes out exactly when the tracking issue gets a comment or changes state,
 * so chat and issue never disagree. Pure; a notifier formats an event and never decides.
 */

export const NOTIFICATION_EVENTS = [
  'regressed',
  'changed',
  'recovered',
  'blind',
  'unblind',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/**
 * The events of one run, at most one for findings and one for blind checking, in that order.
 * With `create-issue: false` the plan is the one that would have been carried out, so the events
 * are the same as if it had been.
 */
export function notificationEvents(
  plan: Pick<Plan, 'action' | 'newErrors' | 'recovered' | 'blind'>,
): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  switch (plan.action) {
    case 'create':
    case 'reopen':
      events.push('regressed');
      break;
    case 'comment-and-update':
      events.push('changed');
      break;
    case 'close':
      events.push('recovered');
      break;
    case 'update':
    case 'none':
      break;
  }
  if (plan.blind?.change === 'started') events.push('blind');
  if (plan.blind?.change === 'ended') events.push('unblind');
  return events;
}
