/** Bad inputs every entry point must refuse before the first request (shared by the tests). */
export interface BadInput {
  name: string;
  /** Config file text, written to .github/instantly-health.yml. */
  config?: string;
  /** Action inputs (the CLI gets the same as flags or environment). */
  inputs?: Record<string, string>;
  /** What the message must contain. */
  says: RegExp;
  /** The line of the config file the message must point to. */
  line?: number;
}

export const CASES: BadInput[] = [
  {
    name: 'invalid YAML',
    config: 'version: 1\ncampaigns:\n  include: { status: [active]\n',
    says: /invalid YAML/,
    // Where the parser notices: the end of the file, since the flow map never closes.
    line: 4,
  },
  {
    name: 'an unknown key',
    config: 'version: 1\naccounts:\n  warmup_scor: { warning: 80 }\n',
    says: /warmup_scor.*warmup_score/s,
    line: 3,
  },
  {
    name: 'a wrong type',
    config: 'version: 1\naccounts:\n  warmup_score: { warning: "high" }\n',
    says: /warmup_score\.warning/,
    line: 3,
  },
  {
    name: 'a negative threshold',
    config: 'version: 1\ncampaigns:\n  bounce_rate: { warning: -0.03 }\n',
    says: /bounce_rate\.warning/,
    line: 3,
  },
  {
    name: 'inverted thresholds',
    config: 'version: 1\ncampaigns:\n  bounce_rate: { warning: 0.2, error: 0.05 }\n',
    says: /bounce_rate/,
    line: 3,
  },
  {
    name: 'an invalid regex',
    config: 'version: 1\ncampaigns:\n  exclude: { names: ["(unclosed"] }\n',
    says: /regular expression|regex/i,
    line: 3,
  },
  {
    name: 'a non-https base URL',
    inputs: { 'base-url': 'http://api.example.com' },
    says: /https/,
  },
  { name: 'an empty key', inputs: { 'api-key': '' }, says: /api-key|API key|INSTANTLY_API_KEY/ },
  {
    name: 'a key with whitespace',
    inputs: { 'api-key': ' sim_key with spaces ' },
    says: /whitespace|space/i,
  },
  {
    name: 'an unknown check name',
    inputs: { checks: 'auth,campaings' },
    says: /campaings.*campaigns/s,
  },
];

/** The CLI's arguments and environment for a case's inputs. */
export function cliArgs(c: BadInput, inputs: Record<string, string>) {
  const args = ['check', '--base-url', inputs['base-url'] ?? ''];
  if (c.config !== undefined) args.push('--config', '.github/instantly-health.yml');
  if (inputs.checks) args.push('--checks', inputs.checks);
  return { args, env: { INSTANTLY_API_KEY: inputs['api-key'] ?? '', NO_COLOR: '1' } };
}
