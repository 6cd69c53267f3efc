import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { createTransport } from '../../src/instantly/transport.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { createGitHubClient } from '../../src/tracking/github.js';
import { runCli } from '../cli/run-cli.js';
import { FakeGitHub } from '../fakes/github/server.js';

/**
 * A self-hosted runner behind a corporate proxy has no direct route out: every request must go
 * through HTTP(S)_PROXY unless NO_PROXY names the host. The proxy here is a real one on loopback
 * (CONNECT tunnels and absolute-form forwarding) that records what it was asked for; it only
 * ever connects to 127.0.0.1 and refuses anything else, so no test leaves the machine.
 */
interface LoopbackProxy {
  url: string;
  /** `CONNECT host:port` targets and forwarded absolute URLs, in order. */
  seen: string[];
  /** Every header line the proxy itself received (to prove the API key never reaches it). */
  headers: string[];
  close(): Promise<void>;
}

async function startProxy(): Promise<LoopbackProxy> {
  const seen: string[] = [];
  const headers: string[] = [];
  const server: Server = createServer((req, res) => {
    // Forward proxy (absolute-form request line), for clients that do not tunnel plain http.
    seen.push(req.url ?? '');
    headers.push(...req.rawHeaders);
    const target = new URL(req.url ?? '');
    if (target.hostname !== '127.0.0.1') {
      res.writeHead(403).end();
      return;
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url ?? ''}`);
    headers.push(...req.rawHeaders);
    const [host, port] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1') {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

const VARIABLES = [
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
];

let proxy: LoopbackProxy;
let simulator: RunningSimulator;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  simulator = await startSimulator({ scenario: 'healthy' });
});
afterAll(async () => {
  await simulator.stop();
});
beforeEach(async () => {
  for (const name of VARIABLES) {
    saved[name] = process.env[name];
    Reflect.deleteProperty(process.env, name);
  }
  proxy = await startProxy();
});
afterEach(async () => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = saved[name];
  }
  await proxy.close();
});

async function getWorkspace(url: string) {
  const transport = createTransport({ apiKey: simulator.apiKey, userAgent: 'proxy-test' });
  try {
    return await transport.send({
      method: 'GET',
      url: `${url}/api/v2/workspaces/current`,
      signal: AbortSignal.timeout(10_000),
    });
  } finally {
    await transport.close();
  }
}

describe('Instantly requests and HTTP(S)_PROXY', () => {
  it.each(['HTTP_PROXY', 'http_proxy'])('go through the proxy named by %s', async (name) => {
    process.env[name] = proxy.url;
    const response = await getWorkspace(simulator.url);
    expect(response.status).toBe(200);
    const host = new URL(simulator.url).host;
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((line) => line.includes(host))).toBe(true);
  });

  it.each(['HTTPS_PROXY', 'https_proxy'])(
    'tunnel to api.instantly.ai through %s, and the proxy never sees the API key',
    async (name) => {
      process.env[name] = proxy.url;
      // The proxy refuses hosts other than loopback, so the request fails after the CONNECT.
      await expect(getWorkspace('https://api.instantly.ai')).rejects.toThrow();
      expect(proxy.seen).toEqual(['CONNECT api.instantly.ai:443']);
      expect(proxy.headers.join('\n')).not.toContain(simulator.apiKey);
    },
  );

  it.each(['NO_PROXY', 'no_proxy'])('skip the proxy for a host in %s', async (name) => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.HTTPS_PROXY = proxy.url;
    process.env[name] = 'example.com,127.0.0.1';
    const response = await getWorkspace(simulator.url);
    expect(response.status).toBe(200);
    expect(proxy.seen).toEqual([]);
  });

  it('go direct when no proxy is set', async () => {
    const response = await getWorkspace(simulator.url);
    expect(response.status).toBe(200);
    expect(proxy.seen).toEqual([]);
  });
});

describe('a whole run behind a proxy', () => {
  it('instantly-health check sends every Instantly request through HTTP_PROXY', async () => {
    const run = await runCli(['check', '--base-url', simulator.url, '--format', 'json'], {
      INSTANTLY_API_KEY: simulator.apiKey,
      HTTP_PROXY: proxy.url,
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { status: string; stats: { requests: number } };
    expect(report.status).toBe('healthy');
    // Plain http through a proxy is forwarded request by request: the proxy saw each one.
    expect(proxy.seen).toHaveLength(report.stats.requests);
    expect(proxy.seen.every((line) => line.includes(new URL(simulator.url).host))).toBe(true);
  });
});

describe('GitHub requests and HTTP(S)_PROXY', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await FakeGitHub.start({ pathPrefix: '/api/v3' });
  });
  afterEach(async () => {
    await github.close();
  });

  async function listIssues() {
    const octokit = createGitHubClient('ghs_test', { baseUrl: github.url, spaceWrites: false });
    return octokit.rest.issues.listForRepo({ owner: github.owner, repo: github.repo });
  }

  it('go through the proxy for a base URL given in options (GitHub Enterprise)', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const response = await listIssues();
    expect(response.status).toBe(200);
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((line) => line.includes(new URL(github.url).host))).toBe(true);
  });

  it('tunnel to an https GitHub through HTTPS_PROXY, and the proxy never sees the token', async () => {
    process.env.HTTPS_PROXY = proxy.url;
    const octokit = createGitHubClient('ghs_secret_token', {
      baseUrl: 'https://github.example.com/api/v3',
      retries: 0,
    });
    await expect(octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'ops' })).rejects.toThrow();
    expect(proxy.seen).toEqual(['CONNECT github.example.com:443']);
    expect(proxy.headers.join('\n')).not.toContain('ghs_secret_token');
  });

  it('skip the proxy for a host in NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';
    const response = await listIssues();
    expect(response.status).toBe(200);
    expect(proxy.seen).toEqual([]);
  });
});

describe('a TLS-inspecting corporate proxy: NODE_EXTRA_CA_CERTS', () => {
  // A TLS front for the simulator with a certificate no public CA signed, standing for a proxy
  // that re-signs traffic with the company's own CA.
  const fixture = (name: string) =>
    fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url));
  const ca = fixture('localhost-cert.pem');
  let origin = '';
  let front: ReturnType<typeof createTlsServer>;
  beforeAll(async () => {
    const simulatorPort = Number(new URL(simulator.url).port);
    front = createTlsServer(
      { key: readFileSync(fixture('localhost-key.pem')), cert: readFileSync(ca) },
      (socket) => {
        const upstream = connect(simulatorPort, '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      },
    );
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    origin = `https://127.0.0.1:${(front.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) =>
      front.close(() => {
        resolve();
      }),
    );
  });

  it('without the CA, the certificate is refused (this test process has no NODE_EXTRA_CA_CERTS)', async () => {
    await expect(getWorkspace(origin)).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  it('with NODE_EXTRA_CA_CERTS set for the process, a check through HTTPS_PROXY succeeds', async () => {
    const run = await runCli(['check', '--base-url', origin, '--format', 'json'], {
      INSTANTLY_API_KEY: simulator.apiKey,
      HTTPS_PROXY: proxy.url,
      NODE_EXTRA_CA_CERTS: ca,
    });
    expect(run.stderr).not.toMatch(/certificate/i);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { status: string }).status).toBe('healthy');
    // Tunnelled: the proxy saw where, never what (the key stays inside TLS).
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(new Set(proxy.seen)).toEqual(new Set([`CONNECT ${new URL(origin).host}`]));
    expect(proxy.headers.join('\n')).not.toContain(simulator.apiKey);
  });
});
