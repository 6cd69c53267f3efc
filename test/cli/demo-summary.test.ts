import { describe, expect, it, jest } from '@jest/globals';
import { WORD_JOINER } from '../../src/report/escape.js';
import { bodyCells, linkableText, linkableTokens, renderGfm, textOf } from '../report/gfm.js';
import { runCliInProcess } from './run-cli.js';

/**
 * Issue 16's "done when" on the demo: its job summary (`demo --format markdown`, the same
 * renderer as GITHUB_STEP_SUMMARY) read as GitHub renders it, with cmark-gfm.
 */

// The first in-process demo transforms the whole CLI graph (cold ts-jest cache) while other
// workers compete for two cores: generous, since this is no timing test.
jest.setTimeout(120_000);

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

async function demoSummary(): Promise<{ markdown: string; html: string }> {
  const run = await runCliInProcess(['demo', '--format', 'markdown']);
  expect(run.code).toBe(0);
  return { markdown: run.stdout, html: renderGfm(run.stdout) };
}

describe('the demo summary', () => {
  it('copying an email or a URL from the rendered summary gives the exact text', async () => {
    const { html } = await demoSummary();
    // What a reader selects and copies is the rendered text: no invisible character in it.
    const text = textOf(html);
    const emails = text.match(EMAIL) ?? [];
    expect(emails).toContain('mason.wright@acmehq.com');
    expect(emails).toContain('amelia.miller@getacme.io');
    for (const email of ['mason.wright@acmehq.com', 'amelia.miller@getacme.io'])
      expect(text).toContain(` ${email}`);
    // Every email and URL from the API is shown in a code element, whole, and none is a link
    // or a mention; the only links are the ones we build to the Instantly app.
    for (const code of html.matchAll(/<code>([^<]*)<\/code>/g))
      expect(code[1]).not.toContain(WORD_JOINER);
    const near = new RegExp(`[@:/.][${WORD_JOINER}]|[${WORD_JOINER}][@/]`);
    for (const email of emails) expect(text).not.toMatch(new RegExp(`${email}${WORD_JOINER}`));
    expect(text.match(near)).toBeNull();
    expect(html).toContain('<code>mason.wright@acmehq.com</code>');
    expect(html).toContain('<code>https://hooks.zapier.com/…</code>');
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/app\.instantly\.ai\/app\//);
    expect(linkableTokens(linkableText(html))).toEqual([]);
  });

  it('opens with at most 5 actions and has one row per resource', async () => {
    const { markdown, html } = await demoSummary();
    const sections = markdown.split('\n\n');
    expect(sections[1]).toBe('### What to do first');
    const actions = (sections[2] ?? '').split('\n');
    expect(actions.length).toBeLessThanOrEqual(5);
    expect(actions.every((a, i) => a.startsWith(`${i + 1}. `))).toBe(true);
    // One campaign, one row: "Bounce Protect" and its bounce rate are one thing to do.
    const rows = bodyCells(html);
    const resources = rows.map((cells) =>
      textOf(cells[1] ?? '')
        .split('Open ')[0]
        ?.trim(),
    );
    expect(new Set(resources).size).toBe(resources.length);
    const agency = rows.filter((cells) => textOf(cells[1] ?? '').includes('Agency owners UK'));
    expect(agency).toHaveLength(1);
    // A finished campaign: one warning, not also an error.
    const finished = rows.find((cells) => textOf(cells[1] ?? '').includes('SaaS CFOs'));
    expect(textOf(finished?.[0] ?? '')).toContain('warning');
    expect(textOf(finished?.[2] ?? '')).not.toContain('waiting_for_leads');
  });
});
