#!/usr/bin/env node
import { TOOL_NAME, VERSION } from './version.js';

const USAGE = `Usage:
  ${TOOL_NAME} check [--checks auth,campaigns] [--config FILE] [--base-url URL] [--campaign ID]...
                     [--workspace-id ID] [--format text|markdown|json] [--output FILE]
                     [--rate-limit N] [--timeout S] [--fail-on error|warning|never]
  ${TOOL_NAME} demo  [--format text|markdown|json]
  ${TOOL_NAME} --help | --version

The API key is read from INSTANTLY_API_KEY.
`;

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  process.stdout.write(USAGE);
  if (!args.includes('--help') && args.length > 0) process.exitCode = 2;
}
