/**
 * Vendors the part of Instantly's OpenAPI document that the simulator serves, so the
 * conformance tests read a committed file instead of ../shared (which is not in the repository).
 *
 *   npx tsx scripts/extract-openapi.ts [path/to/openapi-v2.json]
 *
 * Keeps, for each served operation, the whole operation object, plus every component schema it
 * references, transitively. Writes src/simulator/openapi/instantly-v2-subset.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The operations the simulator serves; keep in sync with src/simulator/routes.ts. */
export const SERVED_OPERATIONS: readonly (readonly ['get' | 'post', string])[] = [
  ['get', '/api/v2/workspaces/current'],
  ['get', '/api/v2/workspace-billing/plan-details'],
  ['get', '/api/v2/campaigns'],
  ['get', '/api/v2/campaigns/{id}'],
  ['get', '/api/v2/campaigns/{id}/sending-status'],
  ['get', '/api/v2/campaigns/analytics'],
  ['get', '/api/v2/campaigns/analytics/overview'],
  ['get', '/api/v2/accounts'],
  ['get', '/api/v2/accounts/{email}'],
  ['post', '/api/v2/accounts/test/vitals'],
  ['post', '/api/v2/accounts/warmup-analytics'],
  ['get', '/api/v2/accounts/analytics/daily'],
  ['get', '/api/v2/account-campaign-mappings/{email}'],
  ['post', '/api/v2/leads/list'],
  ['get', '/api/v2/webhooks'],
  ['get', '/api/v2/webhooks/{id}'],
  ['post', '/api/v2/webhooks/{id}/test'],
  ['post', '/api/v2/webhooks/{id}/resume'],
  ['get', '/api/v2/webhook-events'],
  ['get', '/api/v2/webhook-events/summary'],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectRefs(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectRefs(child, into);
  } else if (isObject(node)) {
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') into.add(child);
      else collectRefs(child, into);
    }
  }
}

export function extractSubset(document: JsonObject): JsonObject {
  const paths = document.paths;
  const components = document.components;
  if (!isObject(paths) || !isObject(components) || !isObject(components.schemas)) {
    throw new Error('Not an OpenAPI document: expected `paths` and `components.schemas`.');
  }
  const allSchemas = components.schemas;
  const outPaths: JsonObject = {};
  const refs = new Set<string>();
  for (const [method, path] of SERVED_OPERATIONS) {
    const item = paths[path];
    const operation = isObject(item) ? item[method] : undefined;
    if (!isObject(operation))
      throw new Error(`Operation ${method.toUpperCase()} ${path} is missing.`);
    const outItem = outPaths[path];
    outPaths[path] = { ...(isObject(outItem) ? outItem : {}), [method]: operation };
    collectRefs(operation, refs);
  }
  // Follow references transitively: a schema may reference another schema.
  const schemas: JsonObject = {};
  const queue = [...refs];
  for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
    const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
    if (!match?.[1]) throw new Error(`Unsupported $ref ${ref}`);
    const name = match[1];
    if (name in schemas) continue;
    const schema = allSchemas[name];
    if (schema === undefined) throw new Error(`Dangling $ref ${ref}`);
    schemas[name] = schema;
    const inner = new Set<string>();
    collectRefs(schema, inner);
    queue.push(...inner);
  }
  const sortedSchemas = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((name) => [name, schemas[name] ?? null]),
  );
  return {
    openapi: document.openapi ?? '3.1.0',
    info: document.info ?? {},
    servers: document.servers ?? [],
    security: document.security ?? [],
    paths: outPaths,
    components: { securitySchemes: components.securitySchemes ?? {}, schemas: sortedSchemas },
  };
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The document sits in ../shared beside the repository (or beside the worktrees' folder).
  const candidates = [
    ...(process.argv[2] ? [resolve(process.argv[2])] : []),
    resolve(here, '../../shared/instantly/openapi-v2.json'),
    resolve(here, '../../../shared/instantly/openapi-v2.json'),
  ];
  const source = candidates.find((path) => existsSync(path));
  if (!source) {
    console.error(
      `openapi-v2.json not found; pass its path. Looked in:\n  ${candidates.join('\n  ')}`,
    );
    process.exit(2);
  }
  const target = resolve(here, '../src/simulator/openapi/instantly-v2-subset.json');
  const document = JSON.parse(readFileSync(source, 'utf8')) as JsonObject;
  const subset = extractSubset(document);
  writeFileSync(target, JSON.stringify(subset, null, 2) + '\n');
  const schemaCount = Object.keys((subset.components as { schemas: JsonObject }).schemas).length;
  console.log(`Wrote ${target}: ${SERVED_OPERATIONS.length} operations, ${schemaCount} schemas.`);
}
