/**
 * An Instantly API v2 simulator for tests, the benchmark and `instantly-health demo`.
 * Runtime code imports only node built-ins and zod: it is bundled into the CLI.
 */
import { KeyStore, type ApiKey } from './auth.js';
import { FaultSet, type Fault } from './faults.js';
import { generateWorkspace } from './generate.js';
import { createRandom } from './random.js';
import { RATE_LIMITS, RateLimiter, type RateLimitMode } from './rate-limit.js';
import { resolveScenario, scenarioSpecSchema, type ScenarioSpec } from './scenarios.js';
import { createSimulatorServer, listen, type LoggedRequest } from './server.js';
import type { ScenarioData, WorkspaceData } from './types.js';

export type { Fault, FaultKind } from './faults.js';
export type { LoggedRequest } from './server.js';
export type { InjectedProblem, ProblemName, ResourceType } from './problems.js';
export { PROBLEM_NAMES, SENDING_STATUS_DIAGNOSTICS } from './problems.js';
export type { ScenarioSpec, ScenarioName } from './scenarios.js';
export { NAMED_SCENARIOS, SCENARIO_NAMES } from './scenarios.js';
export type { ScenarioData, WorkspaceData } from './types.js';
export { RATE_LIMITS } from './rate-limit.js';
export { ROUTES } from './routes.js';

export interface SimulatorOptions {
  /** A named scenario ('healthy', 'broken', 'large', 'demo', ...) or a spec; default 'healthy'. */
  scenario?: string | ScenarioSpec;
  /** Seed of all generated data; default 1. */
  seed?: number;
  /** The simulated "today"; dates in the data are relative to it. Default: the current time. */
  now?: Date;
  /** 'current': 100/s + 6,000/min; 'legacy': 100/10 s + 600/min; 'off' (default). */
  rateLimit?: RateLimitMode;
  /** After `cooldownAfter` (default 10) rejected requests within a minute, reject all for this long. */
  cooldownMs?: number;
  cooldownAfter?: number;
  /** Latency per request: fixed, or random in [min, max]. */
  latencyMs?: number | readonly [min: number, max: number];
  faults?: Fault[];
  port?: number;
  /** Clock for the rate limiter and the log, in ms; default Date.now. */
  clock?: () => number;
}

export interface SimulatorKeys {
  /** `all:read` only. */
  readOnly: string;
  /** A key of a workspace without an active paid plan: every request answers 402. */
  noPlan: string;
  /** A revoked key: 401. */
  revoked: string;
  /** An agency workspace's key; `x-as-workspace` selects one of `data.subWorkspaces`. */
  agency: string;
  /** A new key of the scenario's workspace with exactly these scopes. */
  withScopes(scopes: string[]): string;
}

export interface RunningSimulator {
  /** Origin, e.g. http://127.0.0.1:41234; the API is under /api/v2. */
  url: string;
  /** An `all:all` key of the scenario's workspace. */
  apiKey: string;
  keys: SimulatorKeys;
  data: ScenarioData;
  log: readonly LoggedRequest[];
  clearLog(): void;
  setFaults(faults: Fault[]): void;
  counts(): { requests: number; rateLimited: number };
  stop(): Promise<void>;
}

/** Small fixed specs for the workspaces around the scenario's own. */
const SIDE_WORKSPACE = scenarioSpecSchema.parse({
  name: 'side',
  campaigns: 4,
  activeShare: 0.5,
  accounts: 6,
  sendingDomains: 2,
  webhooks: 1,
  leadsPerCampaign: 100,
});

export function buildScenarioData(
  options: Pick<SimulatorOptions, 'scenario' | 'seed' | 'now'> = {},
): ScenarioData {
  const spec = resolveScenario(options.scenario);
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const workspace = generateWorkspace(spec, seed, now);
  const agency = generateWorkspace(
    { ...SIDE_WORKSPACE, name: 'agency', workspaceName: 'Northwind Agency' },
    seed + 101,
    now,
  );
  const subWorkspaces = [
    generateWorkspace(
      { ...SIDE_WORKSPACE, name: 'client-a', workspaceName: 'Client A (healthy)' },
      seed + 102,
      now,
    ),
    generateWorkspace(
      {
        ...SIDE_WORKSPACE,
        name: 'client-b',
        workspaceName: 'Client B (needs attention)',
        problems: { 'campaign.paused': 1, 'account.connection_error': 1, 'webhook.disabled': 1 },
      },
      seed + 103,
      now,
    ),
    generateWorkspace(
      {
        ...SIDE_WORKSPACE,
        name: 'client-c',
        workspaceName: 'Client C (webhooks down)',
        webhooks: 2,
        // One endpoint is back up (a test delivery succeeds), the other still down.
        problems: { 'webhook.disabled_endpoint_up': 1, 'webhook.disabled': 1 },
      },
      seed + 105,
      now,
    ),
  ];
  const noPlan: WorkspaceData = {
    ...generateWorkspace(
      { ...SIDE_WORKSPACE, name: 'no-plan', workspaceName: 'Lapsed workspace' },
      seed + 104,
      now,
    ),
    paid: false,
  };
  return {
    name: spec.name,
    now: now.toISOString(),
    workspace,
    agency,
    subWorkspaces,
    noPlan,
    injected: workspace.injected,
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const data = buildScenarioData(options);
  const nowMs = Date.parse(data.now);
  const clock = options.clock ?? Date.now;
  const keyRandom = createRandom((options.seed ?? 1) ^ 0x5eed);
  const keys = new KeyStore();
  const newKey = (): string => `sim_${keyRandom.hex(40)}`;
  const keyOf = (
    workspace: WorkspaceData,
    scopes: string[],
    extra: Partial<ApiKey> = {},
  ): ApiKey => ({
    workspace,
    scopes: new Set(scopes),
    revoked: false,
    subWorkspaces: [],
    ...extra,
  });
  const apiKey = keys.add(newKey(), keyOf(data.workspace, ['all:all']));
  const readOnly = keys.add(newKey(), keyOf(data.workspace, ['all:read']));
  const noPlan = keys.add(newKey(), keyOf(data.noPlan, ['all:all']));
  const revoked = keys.add(newKey(), keyOf(data.workspace, ['all:all'], { revoked: true }));
  const agency = keys.add(
    newKey(),
    keyOf(data.agency, ['all:all'], { subWorkspaces: data.subWorkspaces }),
  );

  const latency = options.latencyMs;
  const latencyRandom = createRandom((options.seed ?? 1) ^ 0x1a7e);
  const log: LoggedRequest[] = [];
  const counters = { requests: 0, rateLimited: 0 };
  const faults = new FaultSet(options.faults ?? []);
  const mode = options.rateLimit ?? 'off';
  const limiter =
    mode === 'off'
      ? undefined
      : new RateLimiter(
          RATE_LIMITS[mode],
          clock,
          options.cooldownMs === undefined
            ? undefined
            : { ms: options.cooldownMs, afterViolations: options.cooldownAfter ?? 10 },
        );
  const server = createSimulatorServer({
    keys,
    faults,
    limiter,
    clock,
    nowMs: () => nowMs,
    latency: () =>
      latency === undefined
        ? 0
        : typeof latency === 'number'
          ? latency
          : latency[0] + latencyRandom.next() * (latency[1] - latency[0]),
    random: () => latencyRandom.next(),
    log,
    counters,
  });
  const port = await listen(server, options.port ?? 0);
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    keys: {
      readOnly,
      noPlan,
      revoked,
      agency,
      withScopes: (scopes) => keys.add(newKey(), keyOf(data.workspace, scopes)),
    },
    data,
    log,
    clearLog: () => {
      log.length = 0;
    },
    setFaults: (list) => {
      faults.set(list);
    },
    counts: () => ({ ...counters }),
    stop: () => {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        // Hanging requests and keep-alive sockets would hold close() open.
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
