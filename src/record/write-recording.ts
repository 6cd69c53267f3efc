import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRedactor, type Redactor } from '../instantly/redact.js';
import type { RunSettings } from '../config/schema.js';
import type { Report } from '../model/report.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { FILES, RECORDING_FORMAT, type Exchange, type Manifest } from './exchange.js';
import { createPseudonymiser } from './pseudonyms.js';

export interface RecordingContents {
  /** Raw exchanges from a `RecordingDispatcher`, redacted here. */
  exchanges: readonly Exchange[];
  report: Report;
  settings: RunSettings;
  /** The API key, the GitHub token: removed everywhere, in every encoded form. */
  secrets: readonly string[];
  redactEmails: boolean;
  source?: string;
}

/** The effective settings a replay starts from: everything but the key. */
export type RecordedSettings = Omit<RunSettings, 'apiKey'>;

/**
 * Writes a recording folder, user-only (0700, files 0600): the exchanges, the report, the
 * settings, a manifest and a README. Nothing is written before every string went through the
 * secret redactor and, when asked, the email/domain pseudonymiser.
 */
export async function writeRecording(dir: string, contents: RecordingContents): Promise<void> {
  const settings: Partial<RunSettings> = { ...contents.settings };
  delete settings.apiKey;
  const manifest: Manifest = {
    format: RECORDING_FORMAT,
    tool: { name: TOOL_NAME, version: VERSION },
    node: process.version,
    startedAt: contents.report.startedAt,
    redactedEmails: contents.redactEmails,
    ...(contents.source ? { source: contents.source } : {}),
  };
  const clean = cleaner(contents.secrets, contents.redactEmails, [
    contents.exchanges,
    contents.report,
    settings,
  ]);
  const exchanges = contents.exchanges.map((e) => clean(e, 'exchange') as Exchange);
  const files: [string, string][] = [
    [FILES.manifest, json(manifest)],
    [FILES.exchanges, json({ exchanges })],
    [FILES.report, json(clean(contents.report))],
    [FILES.settings, json(clean(settings))],
    [FILES.readme, readme(manifest, exchanges)],
  ];

  await prepareFolder(dir);
  // Belt and braces: a last pass over each file's text, for a secret split across fields.
  const last = createRedactor([...contents.secrets]);
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    await writeFile(file, last(text), { mode: 0o600 });
    await chmod(file, 0o600);
  }
}

/**
 * A new folder, or a previous recording (overwritten): never a folder of the user's with other
 * files, whose permissions and contents are not ours to change (`--record .` by mistake).
 */
async function prepareFolder(dir: string): Promise<void> {
  let existing: string[];
  try {
    existing = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    return;
  }
  const ours = new Set<string>(Object.values(FILES));
  const foreign = existing.filter((name) => !ours.has(name));
  if (foreign.length > 0) {
    throw new Error(
      `${dir} already holds other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}): give a new folder name`,
    );
  }
  await chmod(dir, 0o700);
}

type Clean = (value: unknown, kind?: 'exchange') => unknown;

function cleaner(secrets: readonly string[], redactEmails: boolean, everything: unknown[]): Clean {
  const secretsOnly = createRedactor([...secrets], { bearer: false });
  // Headers never carry campaign copy: whatever follows "Bearer" there is a credential.
  const headerSecrets = createRedactor([...secrets]);
  const pseudonyms = createPseudonymiser();
  if (redactEmails) walk(everything, (s) => (pseudonyms.collect(secretsOnly(s)), s));
  const text: Redactor = (s) => {
    const masked = secretsOnly(s);
    return redactEmails ? pseudonyms.apply(masked) : masked;
  };
  return (value, kind) => {
    if (kind !== 'exchange') return walk(value, text);
    const e = value as Exchange;
    const out = walk(e, text) as Exchange;
    if ('headers' in e.response && 'headers' in out.response) {
      out.response.headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k, text(headerSecrets(v))]),
      );
    }
    return out;
  };
}

/** Every string of a JSON-like value (keys included) through `fn`. */
function walk(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k), walk(v, fn)] as const));
  }
  return value;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function readme(manifest: Manifest, exchanges: readonly Exchange[]): string {
  const endpoints = new Map<string, number>();
  for (const e of exchanges) {
    const key = `${e.method} ${e.template}`;
    endpoints.set(key, (endpoints.get(key) ?? 0) + 1);
  }
  return `# ${TOOL_NAME} recording

This folder is a recording of one \`${TOOL_NAME}\` run (version ${manifest.tool.version},
Node ${manifest.node}, started ${manifest.startedAt}): every request the tool sent to the
Instantly API and the answer it received, in order, so the run can be replayed without a key
or a network connection, by the tool's maintainers or by you.

- \`${FILES.exchanges}\`: the ${exchanges.length} requests (method, path, query, body) and their
  answers (status, content type, Retry-After and rate-limit headers, body as received).
- \`${FILES.report}\`: the run's JSON report.
- \`${FILES.settings}\`: the effective settings (the config file's contents included).
- \`${FILES.manifest}\`: tool and Node versions and the run's start time.

The API key and the GitHub token were removed everywhere before anything was written.
${
  manifest.redactedEmails
    ? `Email addresses and domains were replaced by pseudonyms (\`person1@domain1.example\`), the
same pseudonym for the same address everywhere in this folder.`
    : `**Email addresses and domains were kept** (\`--no-redact-emails\`): review before sharing.`
}

## Replay it

\`\`\`sh
${TOOL_NAME} replay <this folder>                  # the same checks, no key, no network
${TOOL_NAME} replay <this folder> --format json    # the report as JSON
\`\`\`

(From a clone of ${TOOL_NAME}: \`node bin/${TOOL_NAME}.js replay <this folder>\`.)

A replay gives the same findings and exit code as the recorded run. A newer version whose
checks ask for something this run did not request stops with exit code 3 and names the request.

## Requests

| Request | Count |
| --- | ---: |
${[...endpoints].map(([k, n]) => `| \`${k}\` | ${n} |`).join('\n')}
`;
}
