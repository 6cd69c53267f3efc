import { plural } from '../report/format.js';
import type { NotificationPayload } from './payload.js';

/**
 * The words of a notification, shared by every chat format: a headline and short lists. Each
 * formatter passes its own `escape` for text that came from the API; nothing here is escaped.
 */

/** Lines per list before "and N more": a chat message is a pointer to the issue, not the report. */
export const LIST_LIMIT = 5;

export interface ListItem {
  /** From the API (a resource name or id): must go through the format's escaping. */
  name: string;
  /** The check id and message: the message quotes API text too, so it is escaped as well. */
  detail: string;
}

const EVENT_TITLE: Record<NotificationPayload['event'], string> = {
  regressed: 'new problem',
  changed: 'problems changed',
  recovered: 'recovered',
  blind: 'cannot check',
  unblind: 'checking again',
};

/** "Instantly health: new problem" (no API text). */
export function title(payload: NotificationPayload): string {
  return `Instantly health: ${EVENT_TITLE[payload.event]}`;
}

/** One sentence on what happened, without the workspace name (API text, added by the caller). */
export function statusLine(payload: NotificationPayload): string {
  switch (payload.event) {
    case 'regressed':
      return `is ${payload.status}: ${plural(payload.new.length, 'new error')}.`;
    case 'changed':
      return `is ${payload.status}: ${plural(payload.new.length, 'new error')}, ${payload.recovered.length} recovered, ${payload.stillFailing} still failing.`;
    case 'recovered':
      return `recovered: no error remains (${plural(payload.recovered.length, 'error')} fixed).`;
    case 'blind':
      return `cannot be checked${payload.blind?.since ? ` since ${payload.blind.since}` : ''}.`;
    case 'unblind':
      return 'can be checked again.';
  }
}

/** The cause of a blind run, when known (our own wording, but it may quote an API message). */
export function blindCause(payload: NotificationPayload): string | undefined {
  return payload.event === 'blind' ? payload.blind?.cause : undefined;
}

export function newItems(payload: NotificationPayload): ListItem[] {
  return payload.new.map((f) => ({
    name: f.resource.name ?? f.resource.id,
    detail: `${f.check}: ${f.message}`,
  }));
}

export function recoveredItems(payload: NotificationPayload): ListItem[] {
  return payload.recovered.map((f) => ({
    name: f.resource.name ?? f.resource.id,
    detail: f.check,
  }));
}

/** The first `LIST_LIMIT` items and how many were left out. */
export function capped<T>(items: readonly T[]): { shown: T[]; more: number } {
  const shown = items.slice(0, LIST_LIMIT);
  return { shown, more: items.length - shown.length };
}

export function andMore(more: number): string {
  return `and ${more} more`;
}

/** A link we build ourselves (issue, run): only plain http(s) URLs without spaces or brackets. */
export function safeUrl(url: string | null): string | undefined {
  return url !== null && /^https?:\/\/[^\s<>()[\]|"'`]+$/.test(url) ? url : undefined;
}

/** Long API text is cut: one chat line should stay one line. */
export function clip(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/**
 * The lines of a list within a platform's character budget: at most LIST_LIMIT items; escaping
 * can grow a line several times, so an item that would pass the budget joins "and N more".
 * `more` renders that last line in the format's own way.
 */
export function fitLines(
  items: readonly ListItem[],
  line: (item: ListItem) => string,
  budget: number,
  more: (text: string) => string = (text) => text,
): string[] {
  const { shown, more: hidden } = capped(items);
  const lines: string[] = [];
  let used = 40; // room for the "and N more" line
  let left = hidden;
  for (const [index, item] of shown.entries()) {
    const text = line(item);
    if (used + text.length + 1 > budget) {
      left += shown.length - index;
      break;
    }
    used += text.length + 1;
    lines.push(text);
  }
  if (left > 0) lines.push(more(andMore(left)));
  return lines;
}
