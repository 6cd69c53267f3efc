import { z } from 'zod';
import { Finding, Status, type Report } from '../model/report.js';
import { NOTIFICATION_EVENTS } from '../tracking/events.js';
import type { FindingChange, Plan } from '../tracking/planner.js';
import type { NotificationEvent } from '../tracking/events.js';

/**
 * The one message of a notification (contract section 7), format-neutral: the `json` format
 * sends it as is, and the chat formatters render it. Defined in zod so that the JSON Schema in
 * schema/notification.schema.json is generated from it and cannot drift.
 */

/** An error that recovered: it is no longer in the report, so the state's record of it. */
export const RecoveredFinding = z.object({
  check: z.string(),
  /** As stored in the tracking state (names clipped to 120 characters). */
  resource: z.object({ type: z.string(), id: z.string(), name: z.string().optional() }),
  fingerprint: z.string(),
  /** When the error was first seen (ISO 8601). */
  firstSeen: z.string(),
});
export type RecoveredFinding = z.infer<typeof RecoveredFinding>;

export const NotificationPayload = z.object({
  schemaVersion: z.literal(1),
  event: z.enum(NOTIFICATION_EVENTS),
  workspace: z.object({ id: z.string(), name: z.string() }),
  status: Status,
  /** Errors that opened the issue or joined the outage in this run (as in the JSON report). */
  new: z.array(Finding),
  /** Errors that recovered in this run. */
  recovered: z.array(RecoveredFinding),
  /** Confirmed errors that remain after this run. */
  stillFailing: z.number().int().min(0),
  /** For `blind` and `unblind`: since when the workspace could not be checked, and why. */
  blind: z.object({ since: z.string().optional(), cause: z.string().optional() }).optional(),
  /** The tracking issue; null with `create-issue: false` or when none exists. */
  issueUrl: z.string().nullable(),
  /** The workflow run; null outside GitHub Actions. */
  runUrl: z.string().nullable(),
});
export type NotificationPayload = z.infer<typeof NotificationPayload>;

export interface PayloadInput {
  event: NotificationEvent;
  plan: Pick<Plan, 'newErrors' | 'recovered' | 'stillFailing' | 'blind'>;
  report: Report;
  workspace: { id: string; name: string };
  issueUrl?: string | undefined;
  runUrl?: string | undefined;
}

/** The payload of one event; pure. `new` keeps the report's findings, most severe first. */
export function buildPayload(input: PayloadInput): NotificationPayload {
  const { event, plan, report } = input;
  const wanted = new Set(plan.newErrors.map((c) => c.fingerprint));
  const findings = event === 'regressed' || event === 'changed';
  const payload: NotificationPayload = {
    schemaVersion: 1,
    event,
    workspace: input.workspace,
    status: report.status,
    new: findings ? report.findings.filter((f) => wanted.has(f.fingerprint)) : [],
    recovered: event === 'changed' || event === 'recovered' ? plan.recovered.map(recovered) : [],
    stillFailing: plan.stillFailing,
    issueUrl: input.issueUrl ?? null,
    runUrl: input.runUrl ?? null,
  };
  if (event === 'blind' || event === 'unblind') {
    const { since, cause } = plan.blind ?? {};
    payload.blind = {
      ...(since === undefined ? {} : { since }),
      ...(cause === undefined ? {} : { cause }),
    };
  }
  return payload;
}

function recovered(change: FindingChange): RecoveredFinding {
  const { type, id, name } = change.resource;
  return {
    check: change.check,
    resource: { type, id, ...(name === undefined ? {} : { name }) },
    fingerprint: change.fingerprint,
    firstSeen: change.firstSeen,
  };
}
