import type { NotifyFormat } from '../config/schema.js';
import { discordNotifier } from './discord.js';
import { jsonNotifier } from './json.js';
import type { Notifier } from './notifier.js';
import { slackNotifier } from './slack.js';
import { teamsNotifier } from './teams.js';

const NOTIFIERS: Record<Notifier['format'], Notifier> = {
  slack: slackNotifier,
  teams: teamsNotifier,
  discord: discordNotifier,
  json: jsonNotifier,
};

/**
 * `auto` picks the format from the URL's host (contract section 7): Slack's incoming webhooks,
 * Discord's webhooks, Teams workflows (Power Automate on `*.logic.azure.com`) and the older
 * `*.webhook.office.com` connectors; anything else gets the generic JSON payload.
 */
export function resolveFormat(url: string, format: NotifyFormat): Notifier['format'] {
  if (format !== 'auto') return format;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'json';
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const under = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (host === 'hooks.slack.com') return 'slack';
  if (
    (under('discord.com') || under('discordapp.com')) &&
    parsed.pathname.startsWith('/api/webhooks/')
  ) {
    return 'discord';
  }
  if (host.endsWith('.webhook.office.com') || host.endsWith('.logic.azure.com')) return 'teams';
  return 'json';
}

export function notifierFor(url: string, format: NotifyFormat): Notifier {
  return NOTIFIERS[resolveFormat(url, format)];
}
