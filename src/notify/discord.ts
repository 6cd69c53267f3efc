import { discordText } from './escape.js';
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
 * Discord webhook: one embed. Discord's limits: title 256 characters, description 4096, a
 * field's name 256 and value 1024, at most 25 fields, 6000 characters in all the embeds of a
 * message (docs/notifications.md). `allowed_mentions: {parse: []}` turns every ping off, even one
 * the escaping missed.
 */

const FIELD_VALUE_MAX = 1024;
const DESCRIPTION_MAX = 4096;

/** Embed side colours: red for trouble, green for good news, grey for blind runs. */
const COLOUR: Record<NotificationPayload['event'], number> = {
  regressed: 0xd73a49,
  changed: 0xe36209,
  recovered: 0x28a745,
  blind: 0x6a737d,
  unblind: 0x28a745,
};

function field(name: string, items: ListItem[]) {
  const lines = fitLines(
    items,
    (item) => `• **${discordText(clip(item.name, 80))}** ${discordText(clip(item.detail, 160))}`,
    FIELD_VALUE_MAX,
    (more) => `• ${more}`,
  );
  return { name, value: lines.join('\n'), inline: false };
}

export const discordNotifier: Notifier = {
  format: 'discord',
  body(payload: NotificationPayload) {
    const cause = blindCause(payload);
    const description = [
      `**${discordText(clip(payload.workspace.name, 120))}** ${discordText(statusLine(payload))}`,
      ...(cause ? [discordText(clip(cause, 1000))] : []),
      ...[
        safeUrl(payload.issueUrl) ? `[Tracking issue](${safeUrl(payload.issueUrl)})` : '',
        safeUrl(payload.runUrl) ? `[Workflow run](${safeUrl(payload.runUrl)})` : '',
      ].filter(Boolean),
    ]
      .join('\n')
      .slice(0, DESCRIPTION_MAX);
    const fields = [
      ...(payload.new.length > 0 ? [field('New', newItems(payload))] : []),
      ...(payload.recovered.length > 0 ? [field('Recovered', recoveredItems(payload))] : []),
    ];
    const issue = safeUrl(payload.issueUrl);
    return {
      content: '',
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: title(payload),
          ...(issue ? { url: issue } : {}),
          description,
          color: COLOUR[payload.event],
          fields,
        },
      ],
    };
  },
};
