import { slackCode, slackText } from './escape.js';
import type { Notifier } from './notifier.js';
import type { NotificationPayload } from './payload.js';
import {
  blindCause,
  clip,
  fitLines,
  newItems,
  recoveredItems,
  safeUrl,
  statusLine,
  title,
  type ListItem,
} from './text.js';

/**
 * Slack incoming webhook: Block Kit blocks with a `text` fallback (what notifications and
 * screen readers show). Block Kit limits: a section's text at most 3000 characters, a header's
 * plain text 150, 50 blocks per message (docs/notifications.md).
 */

const SECTION_MAX = 3000;

function section(text: string) {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

export const slackNotifier: Notifier = {
  format: 'slack',
  body(payload: NotificationPayload) {
    const headline = `${slackCode(clip(payload.workspace.name, 120))} ${slackText(statusLine(payload))}`;
    const blocks: unknown[] = [
      { type: 'header', text: { type: 'plain_text', text: title(payload), emoji: false } },
      section(headline),
    ];
    const cause = blindCause(payload);
    if (cause) blocks.push(section(slackText(clip(cause, 1000))));
    if (payload.new.length > 0) blocks.push(section(listText('New', newItems(payload))));
    if (payload.recovered.length > 0) {
      blocks.push(section(listText('Recovered', recoveredItems(payload))));
    }
    const links = [
      safeUrl(payload.issueUrl) ? `<${safeUrl(payload.issueUrl)}|Tracking issue>` : undefined,
      safeUrl(payload.runUrl) ? `<${safeUrl(payload.runUrl)}|Workflow run>` : undefined,
    ].filter((l): l is string => l !== undefined);
    if (links.length > 0) {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: links.join(' · ') }] });
    }
    return { text: `${title(payload)}: ${headline}`, blocks };
  },
};

/** A list section within Slack's limit for a section's text. */
function listText(heading: string, items: ListItem[]): string {
  const lines = fitLines(
    items,
    (item) => `• ${slackCode(clip(item.name, 120))} ${slackText(clip(item.detail))}`,
    SECTION_MAX - heading.length - 4,
    (more) => `• ${more}`,
  );
  return [`*${heading}*`, ...lines].join('\n');
}
