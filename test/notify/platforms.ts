/**
 * Each platform's documented body shape (test/fixtures/notify, sources in its README) and what a
 * hostile API text must never become there: a mention or ping, markup or a link of its own.
 */
import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Notifier } from '../../src/notify/notifier.js';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/notify/${name}.schema.json`, import.meta.url), 'utf8'),
  ) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const VALIDATORS = {
  slack: ajv.compile(fixture('slack-message')),
  teams: ajv.compile(fixture('adaptive-card')),
  discord: ajv.compile(fixture('discord-webhook')),
  json: ajv.compile(
    JSON.parse(
      readFileSync(new URL('../../schema/notification.schema.json', import.meta.url), 'utf8'),
    ) as object,
  ),
} as const;

/** Every string anywhere in a body. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The body validates against the platform's schema (and Discord's 6000-character total). */
export function expectValidFor(format: Notifier['format'], body: unknown): void {
  const validate = VALIDATORS[format];
  const ok = validate(body);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  if (format === 'discord') {
    const embeds = (
      body as {
        embeds: {
          title?: string;
          description?: string;
          fields?: { name: string; value: string }[];
        }[];
      }
    ).embeds;
    const total = embeds
      .flatMap((e) => [
        e.title ?? '',
        e.description ?? '',
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ])
      .join('').length;
    expect(total).toBeLessThanOrEqual(6000);
  }
}

const BROADCAST = /(^|[^\w.+\-\\])@(channel|here|everyone)\b/i;

/**
 * What hostile API text must not become in each format's rendered text: our own links (to the
 * issue and the run, built from the runner's environment) are taken out first; whatever markup
 * is left came from the data.
 */
export function expectInert(format: Notifier['format'], body: unknown): void {
  const texts = stringsOf(body);
  for (const raw of texts) {
    if (format === 'slack') {
      const text = raw.replace(/<https?:\/\/[^|<>\s]+\|(Tracking issue|Workflow run)>/g, '');
      // No `<!here>`, `<@U…>`, `<#C…>`, `<url|text>`: every angle bracket left is escaped.
      expect(text).not.toMatch(/[<>]/);
      expect(text).not.toMatch(BROADCAST);
    } else if (format === 'discord') {
      const text = raw.replace(/\[(Tracking issue|Workflow run)\]\(https?:\/\/[^\s()]+\)/g, '');
      // An unescaped `<` could start `<@id>`, `<#id>`, `<@&id>`; `[`…`](` a masked link.
      expect(text).not.toMatch(/(^|[^\\])</);
      expect(text).not.toMatch(/(^|[^\\])\]\(/);
      expect(text).not.toMatch(BROADCAST);
    } else if (format === 'teams') {
      expect(raw).not.toMatch(/[<>]/);
      expect(raw).not.toMatch(/(^|[^\\])\]\(/);
    }
  }
  if (format === 'discord') {
    expect((body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  }
}
