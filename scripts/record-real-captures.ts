/**
 * `npm run record:real -- [--from DIR]`: builds test/recordings/real-leonidsvb/ from the real
 * Instantly responses one workspace's owner published (captured 2025-11-01; emails already
 * pseudonymised by the publisher). DIR holds the capture files (default test/fixtures/real/,
 * where the project keeps them).
 *
 * The captures are not a whole run: they hold GET /campaigns, GET /accounts (first pages) and
 * GET /campaigns/analytics. A loopback server answers those from the captures, the page after
 * a cursor with `{"items": []}` (what the real API answered in another capture), and every
 * request that was not captured with the real API's own 404 for an unknown route. The engine
 * then runs against it through a recorder, as it would against Instantly, so the checks read the
 * captured data exactly as a live run would and report every uncaptured request as `unknown`.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent } from 'undici';
import { ConfigFile } from '../src/config/schema.js';
import { FILES } from '../src/record/exchange.js';
import { startRecording } from '../src/record/run.js';
import { exitCodeFor } from '../src/report/verdict.js';
import { runHealthCheck } from '../src/run-health.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { from: { type: 'string', default: path.join(ROOT, 'test', 'fixtures', 'real') } },
});
const from = path.resolve(values.from);
const out = path.join(ROOT, 'test', 'recordings', 'real-leonidsvb');
/** A minute after the last capture: the run's "now", so date ranges line up with the data. */
const NOW = new Date('2025-11-01T15:34:00.000Z');

async function capture(name: string): Promise<unknown> {
  const file = JSON.parse(await readFile(path.join(from, name), 'utf8')) as { response: unknown };
  return file.response;
}
const answers: Record<string, unknown> = {
  '/api/v2/campaigns': await capture('leonidsvb__campaigns_list.json'),
  '/api/v2/accounts': await capture('leonidsvb__email_accounts.json'),
  '/api/v2/campaigns/analytics': await capture('leonidsvb__campaigns_analytics.json'),
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://capture');
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const captured = req.method === 'GET' ? answers[url.pathname] : undefined;
  if (captured === undefined) {
    json(404, {
      message: `Route ${req.method ?? 'GET'}:${url.pathname} not found`,
      error: 'Not Found',
      statusCode: 404,
    });
  } else if (url.searchParams.has('starting_after')) {
    json(200, { items: [] });
  } else {
    json(200, captured);
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const settings = {
  apiKey: 'capture-server-needs-no-key',
  baseUrl,
  checks: ['auth' as const, 'campaigns' as const, 'accounts' as const],
  rateLimit: 1000,
  timeoutSeconds: 60,
  failOn: 'error' as const,
  campaignIds: [],
  config: ConfigFile.parse({}),
};
const source =
  'real captures of one workspace (leonidsvb, 2025-11-01): GET /campaigns, GET /accounts, ' +
  'GET /campaigns/analytics; every other request answered with the real 404 for an unknown ' +
  'route (npm run record:real)';
await rm(out, { recursive: true, force: true });
const recorder = startRecording(
  { dir: out, redactEmails: true },
  [],
  new Agent({ keepAliveTimeout: 1000 }),
  source,
);
const report = await runHealthCheck(settings, {
  dispatcher: recorder.dispatcher,
  now: () => NOW,
  client: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
});
await recorder.finish(report, settings);
server.close();

const recorded = JSON.parse(await readFile(path.join(out, FILES.report), 'utf8')) as {
  findings: { fingerprint: string }[];
};
const expected = {
  source,
  exitCode: exitCodeFor(report, settings.failOn),
  fingerprints: recorded.findings.map((f) => f.fingerprint).sort(),
};
await writeFile(path.join(out, FILES.expected), `${JSON.stringify(expected, null, 2)}\n`);
process.stdout.write(
  `${path.relative(ROOT, out)}: ${expected.fingerprints.length} findings, exit ${expected.exitCode}\n`,
);
