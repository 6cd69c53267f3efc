/**
 * `npm run simulator -- --scenario NAME [--seed N] [--port N] [--rate-limit current|legacy|off]`
 * Prints one JSON line, {"url": "...", "apiKey": "..."}, then serves until SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './index.js';

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\n`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    fail(`--${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'healthy' },
      seed: { type: 'string' },
      port: { type: 'string' },
      'rate-limit': { type: 'string', default: 'off' },
    },
    strict: true,
  }));
} catch (error) {
  fail(
    `${error instanceof Error ? error.message : String(error)}. Usage: --scenario NAME [--seed N] [--port N] [--rate-limit current|legacy|off]`,
  );
}
const rateLimit = values['rate-limit'];
if (rateLimit !== 'current' && rateLimit !== 'legacy' && rateLimit !== 'off') {
  fail(`--rate-limit must be current, legacy or off, got "${rateLimit}"`);
}

let simulator;
try {
  simulator = await startSimulator({
    scenario: values.scenario,
    seed: integer('seed', values.seed, 1),
    port: integer('port', values.port, 0),
    rateLimit,
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const running = simulator;
process.stdout.write(`${JSON.stringify({ url: running.url, apiKey: running.apiKey })}\n`);

const shutdown = (signal: string): void => {
  process.stderr.write(`simulator: ${signal}, stopping\n`);
  running.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`simulator: stop failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGINT', () => {
  shutdown('SIGINT');
});
process.once('SIGTERM', () => {
  shutdown('SIGTERM');
});
