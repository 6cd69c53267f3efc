import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ConfigFile } from '../../src/config/schema.js';
import { mergeSettings } from '../../src/config/settings.js';
import type { Report } from '../../src/model/report.js';
import { renderSummary } from '../../src/report/summary.js';
import { runHealthCheck } from '../../src/run-health.js';
import { startSimulator, type WorkspaceData } from '../../src/simulator/index.js';
import { renderChangeComment, renderIssueBody } from '../../src/tracking/body.js';
import { plan } from '../../src/tracking/planner.js';
import { linkableText, linkableTokens, renderGfm, tableShapes, tagsOf } from '../report/gfm.js';
import { hostileString } from '../report/hostile.js';

/**
 * Hostile text in every field the API controls (workspace, campaign and webhook names, account
 * emails, SMTP messages, webhook URLs and delivery errors), planted in the simulator's data, run
 * through the real client and engine, and rendered as the job summary, the tracking issue body and
 * its change comment. Through GitHub's renderer nothing becomes an element, every table keeps its
 * shape, and no mention, reference or autolink appears.
 */

const NOW = new Date('2026-11-30T12:00:00.000Z');
/** The tags and attributes our own markdown produces; anything else came from the data. */
const OUR_TAGS = new Set([
  'h2',
  'h3',
  'p',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'details',
  'summary',
  'b',
  'br',
  'ul',
  'ol',
  'li',
  'em',
  'a',
  'strong',
]);

// The links we build from an id we checked: Instantly app pages (never a URL from the API).
const INSTANTLY_PAGE =
  /^https:\/\/app\.instantly\.ai\/app\/(?:campaign\/[A-Za-z0-9-]+\/(?:analytics|sequences|leads)|accounts|settings\/integrations)$/;

interface Hostile {
  workspace: string;
  campaign: string;
  emailLocal: string;
  smtp: string;
  webhookName: string;
  webhookPath: string;
  webhookError: string;
}

/** Rewrites the fields the checks read and render, keeping the data's own links intact. */
function plant(data: WorkspaceData, h: Hostile, injected: { problem: string; id: string }[]) {
  data.workspace.name = h.workspace;
  data.planDetails.organization_name = h.workspace;
  for (const { problem, id } of injected) {
    if (problem.startsWith('campaign.')) {
      const campaign = data.campaigns.find((c) => c.id === id);
      if (campaign) campaign.name = h.campaign;
      for (const a of data.analytics) if (a.campaign_id === id) a.campaign_name = h.campaign;
    } else if (problem.startsWith('account.')) {
      const index = data.accountIndex.get(id);
      const account = index === undefined ? undefined : data.accounts[index];
      if (!account) continue;
      const domain = account.email.slice(account.email.lastIndexOf('@') + 1);
      const email = `${h.emailLocal}@${domain}`;
      renameAccount(data, account.email, email);
      if (account.status_message) {
        account.status_message = { ...account.status_message, e_message: h.smtp, response: h.smtp };
      }
    } else if (problem.startsWith('webhook.')) {
      const webhook = data.webhooks.find((w) => w.id === id);
      if (!webhook) continue;
      const url = `${webhook.target_hook_url.replace(/\/$/, '')}/${h.webhookPath}`;
      for (const e of data.webhookEvents) {
        if (e.webhook_url !== webhook.target_hook_url) continue;
        e.webhook_url = url;
        if (e.error_message !== null) e.error_message = h.webhookError;
      }
      webhook.target_hook_url = url;
      webhook.name = h.webhookName;
    }
  }
}

function renameAccount(data: WorkspaceData, from: string, to: string): void {
  const index = data.accountIndex.get(from);
  if (index === undefined || data.accountIndex.has(to)) return;
  const account = data.accounts[index];
  if (!account) return;
  account.email = to;
  data.accountIndex.delete(from);
  data.accountIndex.set(to, index);
  const move = <V>(map: Map<string, V>) => {
    const value = map.get(from);
    if (value === undefined) return;
    map.delete(from);
    map.set(to, value);
  };
  move(data.profiles);
  move(data.accountTags);
  for (const c of data.campaigns) c.email_list = c.email_list.map((e) => (e === from ? to : e));
}

/** The structural guarantees, on GitHub's renderer output. */
function expectHarmless(markdown: string, where: string, links: string[] = []): void {
  const html = renderGfm(markdown);
  const foreign = tagsOf(html).filter(
    (t) => !OUR_TAGS.has(t.name) || t.attributes.some((a) => !(t.name === 'a' && a === 'href')),
  );
  expect({ where, foreign }).toEqual({ where, foreign: [] });
  const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)]
    .map((m) => m[1] ?? '')
    .filter((href) => !INSTANTLY_PAGE.test(href));
  expect({ where, hrefs }).toEqual({ where, hrefs: links });
  for (const shape of tableShapes(html)) {
    for (const cells of shape.rows)
      expect({ where, cells }).toEqual({ where, cells: shape.header });
  }
  expect({ where, tokens: linkableTokens(linkableText(html)) }).toEqual({ where, tokens: [] });
}

async function runWith(h: Hostile): Promise<Report> {
  const sim = await startSimulator({
    scenario: {
      name: 'hostile',
      campaigns: 4,
      activeShare: 0.5,
      accounts: 6,
      sendingDomains: 2,
      webhooks: 3,
      leadsPerCampaign: 50,
      problems: {
        'campaign.bounce_protect': 1,
        'account.connection_error': 1,
        'webhook.disabled': 1,
        'webhook.high_failure_rate': 1,
      },
    },
    seed: 11,
    now: NOW,
  });
  try {
    plant(
      sim.data.workspace,
      h,
      sim.data.injected.map((p) => ({ problem: p.problem, id: p.resource.id })),
    );
    const settings = mergeSettings(
      { apiKey: sim.keys.readOnly, baseUrl: sim.url, timeoutSeconds: 20, rateLimit: 1000 },
      ConfigFile.parse({}),
    );
    return await runHealthCheck(settings, {
      now: () => NOW,
      client: { retry: { baseDelayMs: 1, maxDelayMs: 2 } },
    });
  } finally {
    await sim.stop();
  }
}

const FIELDS = [
  'workspace',
  'campaign',
  'emailLocal',
  'smtp',
  'webhookName',
  'webhookPath',
  'webhookError',
] as const satisfies (keyof Hostile)[];

const hostile: fc.Arbitrary<Hostile> = fc.record({
  workspace: hostileString,
  campaign: hostileString,
  emailLocal: hostileString,
  smtp: hostileString,
  webhookName: hostileString,
  webhookPath: hostileString,
  webhookError: hostileString,
});

describe('hostile API text, end to end through the engine and every markdown renderer', () => {
  it('renders harmlessly in the summary, the issue body and the change comment (property)', async () => {
    const reached = new Set<keyof Hostile>();
    await fc.assert(
      fc.asyncProperty(hostile, async (h) => {
        const report = await runWith(h);
        expect(report.status).not.toBe('failed');
        // The hostile strings reached the report (stored as received): the test is not vacuous.
        const json = JSON.stringify(report);
        for (const field of FIELDS) {
          if (h[field].length >= 3 && json.includes(JSON.stringify(h[field]).slice(1, -1))) {
            reached.add(field);
          }
        }

        expectHarmless(renderSummary(report), 'summary');
        const issueUrl = 'https://github.com/acme/ops/issues/3';
        expectHarmless(renderSummary(report, { issueUrl }), 'summary with link', [issueUrl]);
        const planned = plan(null, report, ConfigFile.parse({}).issue, NOW, {
          hasOpenIssue: false,
          recentlyClosed: false,
        });
        if (planned.nextState) {
          expectHarmless(
            renderIssueBody({ report, state: planned.nextState, now: NOW }),
            'issue body',
          );
        }
        expectHarmless(renderChangeComment(planned, report), 'change comment');
      }),
      { numRuns: 30 },
    );
    // Every field reached a finding in some run (the webhook path is shortened away in reports).
    for (const field of FIELDS.filter((f) => f !== 'webhookPath')) {
      expect({ field, reached: reached.has(field) }).toEqual({ field, reached: true });
    }
  }, 120_000);
});
