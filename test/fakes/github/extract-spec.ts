/**
 * Writes `openapi-subset.json`: the operations the fake GitHub serves, copied from GitHub's
 * published description (npm `@octokit/openapi`, api.github.com, OpenAPI 3.0) together with
 * every component they reference. The full description is 13 MB; the subset is small enough to
 * commit, so tests load it instantly and a reviewer can diff it when the package is upgraded.
 *
 * `@octokit/openapi` is 385 MB, so it is not a devDependency: refresh the subset with a one-off
 * install outside the project, then point the extractor at it:
 *
 *   npm install --prefix /tmp/gh-openapi --no-save @octokit/openapi@latest
 *   npx tsx test/fakes/github/extract-spec.ts /tmp/gh-openapi/node_modules/@octokit/openapi
 *
 * and review the diff of openapi-subset.json (test/tracking/fake-github.test.ts checks the fake
 * against it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** [path template, method]: keep in step with the routes in server.ts. */
export const SERVED_OPERATIONS: readonly (readonly [string, string])[] = [
  ['/repos/{owner}/{repo}/issues', 'get'],
  ['/repos/{owner}/{repo}/issues', 'post'],
  ['/repos/{owner}/{repo}/issues/{issue_number}', 'get'],
  ['/repos/{owner}/{repo}/issues/{issue_number}', 'patch'],
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'get'],
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'post'],
  ['/repos/{owner}/{repo}/labels/{name}', 'get'],
  ['/repos/{owner}/{repo}/labels', 'post'],
  // Who the token acts as (tracking adopts only issues that identity created).
  ['/user', 'get'],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function resolvePointer(root: Json, ref: string): Json {
  let node: Json = root;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      throw new Error(`cannot resolve ${ref}`);
    }
    const next: Json | undefined = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (next === undefined) throw new Error(`cannot resolve ${ref}`);
    node = next;
  }
  return node;
}

/** Drops prose and examples: they are most of the bytes and validation never reads them. */
function strip(node: Json): Json {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (['description', 'summary', 'examples', 'example', 'externalDocs'].includes(key)) {
      // `description` is also a property *name* inside `properties`; keep those.
      if (typeof value === 'string' || key === 'examples' || key === 'example') continue;
      if (key === 'externalDocs') continue;
    }
    out[key] = strip(value);
  }
  return out;
}

export function extractSubset(spec: Json): Json {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new Error('bad spec');
  const refs = new Set<string>();
  const walk = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          if (!refs.has(value)) {
            refs.add(value);
            walk(resolvePointer(spec, value));
          }
        } else {
          walk(value);
        }
      }
    }
  };
  const paths: Record<string, Record<string, Json>> = {};
  const allPaths = resolvePointer(spec, '#/paths') as Record<string, Record<string, Json>>;
  for (const [path, method] of SERVED_OPERATIONS) {
    const operation = allPaths[path]?.[method];
    if (operation === undefined) throw new Error(`${method.toUpperCase()} ${path} not in the spec`);
    walk(operation);
    paths[path] = { ...paths[path], [method]: strip(operation) };
  }
  walk(resolvePointer(spec, '#/components/schemas/basic-error'));
  refs.add('#/components/schemas/basic-error');
  const components: Record<string, Record<string, Json>> = {};
  for (const ref of [...refs].sort()) {
    const [, , section, name] = ref.split('/');
    if (section === undefined || name === undefined) continue;
    components[section] = { ...components[section], [name]: strip(resolvePointer(spec, ref)) };
  }
  return {
    openapi: resolvePointer(spec, '#/openapi'),
    info: resolvePointer(spec, '#/info/version'),
    paths,
    components,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packageDir = process.argv[2];
  if (packageDir === undefined) {
    console.error('usage: npx tsx test/fakes/github/extract-spec.ts <path to @octokit/openapi>');
    process.exit(2);
  }
  const file = join(packageDir, 'generated', 'api.github.com.json');
  const pkg = JSON.parse(readFileSync(join(dirname(file), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const subset = extractSubset(JSON.parse(readFileSync(file, 'utf8')) as Json) as Record<
    string,
    Json
  >;
  const out = join(dirname(fileURLToPath(import.meta.url)), 'openapi-subset.json');
  const text = JSON.stringify({ source: `@octokit/openapi@${pkg.version}`, ...subset }, null, 1);
  writeFileSync(out, text + '\n');
  console.log(`wrote ${out} (${text.length} bytes)`);
}
