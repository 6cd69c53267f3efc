import type { SenderNote, SendersSummary } from '../model/report.js';

/**
 * The one line about senders both the job summary and the CLI text open with:
 * "Sending health: 11 senders — 9 green, 1 watch (…), 1 burning (…)". Green senders are a count;
 * watch and burning name their senders and why, a few at most. `escape` is the renderer's own
 * escaping function for API text (an email) and short phrases (the reasons).
 */

/** Senders named per group; the rest are counted ("and 4 more"). */
export const SENDERS_NAMED = 3;

export function describeSenders(summary: SendersSummary, escape: (text: string) => string): string {
  const { total, green, watch, burning } = summary;
  if (total === 0) return 'Sending health: no sender in scope';
  const parts = [`${green.toLocaleString('en-US')} green`];
  if (watch.length > 0) parts.push(`${count(watch)} watch (${named(watch, escape)})`);
  if (burning.length > 0) parts.push(`${count(burning)} burning (${named(burning, escape)})`);
  const noun = total === 1 ? 'sender' : 'senders';
  return `Sending health: ${total.toLocaleString('en-US')} ${noun} — ${parts.join(', ')}`;
}

function count(notes: readonly SenderNote[]): string {
  return notes.length.toLocaleString('en-US');
}

function named(notes: readonly SenderNote[], escape: (text: string) => string): string {
  const shown = notes.slice(0, SENDERS_NAMED).map((n) => {
    const reasons = n.reasons.slice(0, 3).map(escape).join(', ');
    return reasons === '' ? escape(n.email) : `${escape(n.email)}: ${reasons}`;
  });
  const rest = notes.length - shown.length;
  if (rest > 0) shown.push(`and ${rest.toLocaleString('en-US')} more`);
  return shown.join('; ');
}
