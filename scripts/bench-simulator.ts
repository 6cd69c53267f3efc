/**
 * The simulator's own time to serve every page of the `large` scenario (all campaigns, all
 * accounts with tags, campaign analytics, all webhooks), median of 5 runs. A figure, not a test:
 *
 *   npx tsx scripts/bench-simulator.ts [scenario]
 */
import { buildScenarioData, ROUTES, startSimulator } from '../src/simulator/index.js';

const scenario = process.argv[2] ?? 'large';
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const builds: number[] = [];
const serverTimes: number[] = [];
const wallTimes: number[] = [];
let requests = 0;
for (let run = 0; run < 5; run++) {
  const startedBuild = performance.now();
  const sim = await startSimulator({ scenario, seed: run + 1 });
  builds.push(performance.now() - startedBuild);
  const headers = { authorization: `Bearer ${sim.apiKey}` };
  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`${sim.url}/api/v2${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  const everyPage = async (path: string): Promise<void> => {
    let cursor: string | undefined;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = (await get(
        cursor === undefined
          ? path
          : `${path}${separator}starting_after=${encodeURIComponent(cursor)}`,
      )) as { next_starting_after?: string };
      cursor = page.next_starting_after;
    } while (cursor !== undefined);
  };
  const startedWall = performance.now();
  await everyPage('/campaigns?limit=100');
  await everyPage('/accounts?limit=100&include_tags=true');
  await get('/campaigns/analytics?start_date=2026-11-01&end_date=2026-11-30');
  await everyPage('/webhooks?limit=100');
  wallTimes.push(performance.now() - startedWall);
  serverTimes.push(sim.log.reduce((sum, entry) => sum + (entry.durationMs ?? 0), 0));
  requests = sim.log.length;
  await sim.stop();
}
// The same pages served by calling the handlers directly, timed in CPU time (user + system),
// which a busy shared machine inflates far less than wall time.
const cpuBuilds: number[] = [];
const cpuServes: number[] = [];
const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const route = (method: string, path: string) => {
  const found = ROUTES.find((r) => r.method === method && r.path === path);
  if (!found) throw new Error(`no route ${path}`);
  return found;
};
for (let run = 0; run < 5; run++) {
  const buildStart = process.cpuUsage();
  const data = buildScenarioData({ scenario, seed: run + 1 });
  cpuBuilds.push(cpuMs(buildStart));
  const nowMs = Date.parse(data.now);
  const serve = (path: string, query: string): unknown => {
    const reply = route('GET', path).handle({
      data: data.workspace,
      params: {},
      query: new URLSearchParams(query),
      body: undefined,
      nowMs,
    });
    JSON.stringify(reply.body);
    return reply.body;
  };
  const everyPage = (path: string, query: string): void => {
    let cursor: string | undefined;
    do {
      const page = serve(
        path,
        cursor === undefined ? query : `${query}&starting_after=${encodeURIComponent(cursor)}`,
      ) as { next_starting_after?: string };
      cursor = page.next_starting_after;
    } while (cursor !== undefined);
  };
  const serveStart = process.cpuUsage();
  everyPage('/campaigns', 'limit=100');
  everyPage('/accounts', 'limit=100&include_tags=true');
  serve('/campaigns/analytics', 'start_date=2026-11-01&end_date=2026-11-30');
  everyPage('/webhooks', 'limit=100');
  cpuServes.push(cpuMs(serveStart));
}

const spread = (values: number[]): string =>
  `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;
console.log(`scenario ${scenario}: ${requests} requests per run, Node ${process.version}`);
console.log(
  `build (generate + listen): median ${median(builds).toFixed(1)} ms (spread ${spread(builds)})`,
);
console.log(
  `server's own time, all pages: median ${median(serverTimes).toFixed(1)} ms (spread ${spread(serverTimes)})`,
);
console.log(
  `client wall time over loopback: median ${median(wallTimes).toFixed(1)} ms (spread ${spread(wallTimes)})`,
);
console.log(
  `CPU time to build the data: median ${median(cpuBuilds).toFixed(1)} ms (spread ${spread(cpuBuilds)})`,
);
console.log(
  `CPU time of the handlers + JSON for every page: median ${median(cpuServes).toFixed(1)} ms (spread ${spread(cpuServes)})`,
);
console.log(`heap used after runs: ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB`);
