import { teamsText } from './escape.js';
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
 * Microsoft Teams: an Adaptive Card (version 1.4, what Teams renders) in the `message` envelope
 * with `attachments` that both Teams workflows ("Post to a channel when a webhook request is
 * received") and the retired Office 365 connectors accept (docs/notifications.md). TextBlocks
 * render a markdown subset and never HTML; API text is escaped for it.
 */

const TEXT_MAX = 2000;

function listBlock(heading: string, items: ListItem[]) {
  const lines = fitLines(
    items,
    (item) => `- **${teamsText(clip(item.name, 120))}** ${teamsText(clip(item.detail))}`,
    TEXT_MAX,
    (more) => `- ${more}`,
  );
  return [
    { type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: lines.join('\n'), wrap: true },
  ];
}

export const teamsNotifier: Notifier = {
  format: 'teams',
  body(payload: NotificationPayload) {
    const cause = blindCause(payload);
    const body: unknown[] = [
      { type: 'TextBlock', text: title(payload), size: 'Large', weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: `**${teamsText(clip(payload.workspace.name, 120))}** ${teamsText(statusLine(payload))}`,
        wrap: true,
      },
      ...(cause ? [{ type: 'TextBlock', text: teamsText(clip(cause, 1000)), wrap: true }] : []),
      ...(payload.new.length > 0 ? listBlock('New', newItems(payload)) : []),
      ...(payload.recovered.length > 0 ? listBlock('Recovered', recoveredItems(payload)) : []),
    ];
    const actions = [
      ...(safeUrl(payload.issueUrl)
        ? [{ type: 'Action.OpenUrl', title: 'Tracking issue', url: safeUrl(payload.issueUrl) }]
        : []),
      ...(safeUrl(payload.runUrl)
        ? [{ type: 'Action.OpenUrl', title: 'Workflow run', url: safeUrl(payload.runUrl) }]
        : []),
    ];
    return {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body,
            ...(actions.length > 0 ? { actions } : {}),
          },
        },
      ],
    };
  },
};
