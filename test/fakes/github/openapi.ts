/**
 * Validates the fake GitHub's traffic against GitHub's published API description (the subset
 * extracted by extract-spec.ts). The description is OpenAPI 3.0.3, whose schemas are a dialect of
 * JSON Schema draft 4/5 with `nullable`; there is no `exclusiveMinimum: true` among the schemas we
 * serve, so Ajv's default (draft-07) class reads them correctly once `nullable` is rewritten into
 * a `null` type and component `$ref`s point into one registered document.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonObject;
}

export interface OperationCheck {
  method: string;
  template: string;
  operationId: string;
  match(pathname: string): Record<string, string> | null;
  /** Returns violations of the request (path and query parameters, JSON body). */
  checkRequest(request: {
    params: Record<string, string>;
    query: URLSearchParams;
    body: unknown;
    contentType: string | undefined;
  }): string[];
  /** Returns violations of a response the fake is about to send. */
  checkResponse(status: number, body: unknown, headers: Record<string, string>): string[];
}

const DOC_ID = 'https://github.fake/openapi.json';

function isObject(node: Json | undefined): node is JsonObject {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

/** OpenAPI 3.0 `nullable` → JSON Schema, and local refs → refs into the registered document. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key.startsWith('x-') || key === 'deprecated') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      out[key] = DOC_ID + value;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
}

function loadSubset(): JsonObject {
  const here = dirname(fileURLToPath(import.meta.url));
  return JSON.parse(readFileSync(join(here, 'openapi-subset.json'), 'utf8')) as JsonObject;
}

function resolve(doc: JsonObject, node: Json): Json {
  if (isObject(node) && typeof node.$ref === 'string') {
    let target: Json = doc;
    for (const part of node.$ref.replace(/^#\//, '').split('/')) {
      target = isObject(target) ? (target[part] ?? null) : null;
    }
    return resolve(doc, target);
  }
  return node;
}

/** Query strings carry text; coerce each value to the parameter's declared type first. */
function coerce(value: string, schema: JsonObject): Json {
  if (schema.type === 'integer' || schema.type === 'number') {
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export function loadOperations(): OperationCheck[] {
  const subset = loadSubset();
  const ajv = new Ajv({ allErrors: true, strict: false, formats: { int64: true, int32: true } });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema({ $id: DOC_ID, components: toJsonSchema(subset.components ?? {}) }, DOC_ID);

  const describe = (validate: ValidateFunction, where: string): string[] =>
    (validate.errors ?? []).map(
      (e) =>
        `${where}${e.instancePath || '/'} ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`,
    );

  const operations: OperationCheck[] = [];
  const paths = subset.paths as Record<string, Record<string, JsonObject>>;
  for (const [template, methods] of Object.entries(paths)) {
    const names: string[] = [];
    const regex = new RegExp(
      '^' +
        template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        }) +
        '$',
    );
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = ((operation.parameters ?? []) as Json[]).map(
        (p) => resolve(subset, p) as unknown as Parameter,
      );
      const paramValidators = new Map(
        parameters.map((p) => [p.name, ajv.compile(toJsonSchema(p.schema) as object)]),
      );
      const requestBody = resolve(subset, operation.requestBody ?? null);
      const bodyRequired = isObject(requestBody) && requestBody.required === true;
      const bodyContent =
        isObject(requestBody) && isObject(requestBody.content)
          ? requestBody.content['application/json']
          : undefined;
      const bodySchema = isObject(bodyContent) ? bodyContent.schema : undefined;
      const validateBody = bodySchema ? ajv.compile(toJsonSchema(bodySchema) as object) : null;
      const responses = new Map<string, ValidateFunction | null>();
      for (const [status, response] of Object.entries(
        (operation.responses ?? {}) as Record<string, Json>,
      )) {
        const resolved = resolve(subset, response) as JsonObject;
        const content = (resolved.content as JsonObject | undefined)?.['application/json'];
        const schema = isObject(content) ? content.schema : undefined;
        responses.set(status, schema ? ajv.compile(toJsonSchema(schema) as object) : null);
      }
      const basicError = ajv.getSchema(`${DOC_ID}#/components/schemas/basic-error`);
      const operationId = typeof operation.operationId === 'string' ? operation.operationId : '?';
      const id = `${method.toUpperCase()} ${template} (${operationId})`;

      operations.push({
        method: method.toUpperCase(),
        template,
        operationId,
        match(pathname) {
          const m = regex.exec(pathname);
          if (!m) return null;
          return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
        },
        checkRequest({ params, query, body, contentType }) {
          const violations: string[] = [];
          for (const p of parameters) {
            if (p.in === 'header' || p.in === 'cookie') continue;
            const raw = p.in === 'path' ? params[p.name] : (query.get(p.name) ?? undefined);
            if (raw === undefined) {
              if (p.required === true)
                violations.push(`${id}: missing ${p.in} parameter ${p.name}`);
              continue;
            }
            const validate = paramValidators.get(p.name);
            if (validate && !validate(coerce(raw, p.schema))) {
              violations.push(...describe(validate, `${id}: ${p.in} parameter ${p.name}`));
            }
          }
          for (const key of query.keys()) {
            if (!parameters.some((p) => p.in === 'query' && p.name === key)) {
              violations.push(`${id}: undocumented query parameter ${key}`);
            }
          }
          if (body === undefined) {
            if (bodyRequired) violations.push(`${id}: request body is required`);
          } else if (!validateBody) {
            violations.push(`${id}: this operation takes no request body`);
          } else {
            if (!contentType?.startsWith('application/json')) {
              violations.push(`${id}: content-type ${String(contentType)} is not application/json`);
            }
            if (!validateBody(body)) violations.push(...describe(validateBody, `${id}: body`));
          }
          return violations;
        },
        checkResponse(status, responseBody, headers) {
          const key = String(status);
          // GitHub answers any route with a 5xx or a rate-limit 403/429 in a basic-error shape,
          // which its description does not list per operation; hold those to that shape.
          const documented = responses.has(key);
          const validate = documented ? responses.get(key) : status >= 400 ? basicError : undefined;
          const violations: string[] = [];
          if (validate === undefined) {
            violations.push(`${id}: undocumented response status ${key}`);
          } else if (validate !== null && !validate(responseBody)) {
            violations.push(...describe(validate, `${id}: response ${key}`));
          }
          if (status < 300 && !headers['content-type']?.startsWith('application/json')) {
            violations.push(`${id}: response content-type is not JSON`);
          }
          return violations;
        },
      });
    }
  }
  return operations;
}
