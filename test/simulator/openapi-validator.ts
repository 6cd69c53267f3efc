/**
 * Validates simulator responses against the vendored subset of Instantly's OpenAPI document
 * (OpenAPI 3.1 = JSON Schema 2020-12), resolving `$ref`s into components.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

const documentUrl = new URL(
  '../../src/simulator/openapi/instantly-v2-subset.json',
  import.meta.url,
);
export const subset = JSON.parse(readFileSync(documentUrl, 'utf8')) as Document;

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema(subset, 'openapi');

/**
 * The generic error envelope, for statuses the document leaves out of an operation: 403 is
 * documented on only 5 of 240 operations, and 400 is missing on several list operations whose
 * `limit` bounds (1..100) can only be enforced with one. Instantly answers them with the same
 * `{statusCode, error, message}` body it documents everywhere else.
 */
const envelopeSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'number' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
  required: ['statusCode', 'error', 'message'],
};
const validateEnvelope = ajv.compile(envelopeSchema);

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const cache = new Map<string, ValidateFunction>();

export function operationFor(
  method: string,
  path: string,
): { template: string; operation: Operation } | undefined {
  const segments = path.split('/').filter(Boolean);
  let best: { template: string; operation: Operation; literals: number } | undefined;
  for (const [template, item] of Object.entries(subset.paths)) {
    const operation = item[method.toLowerCase()];
    if (!operation) continue;
    const parts = template.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const matches = parts.every((p, i) => {
      if (p.startsWith('{')) return true;
      if (p === segments[i]) {
        literals++;
        return true;
      }
      return false;
    });
    if (matches && (!best || literals > best.literals)) best = { template, operation, literals };
  }
  return best;
}

export interface ValidationResult {
  valid: boolean;
  /** Which schema was used: the operation's own, or the generic envelope. */
  against: 'operation' | 'envelope';
  errors: string;
}

export function validateResponse(
  method: string,
  path: string,
  status: number,
  body: unknown,
): ValidationResult {
  const found = operationFor(method, path);
  const documented =
    found?.operation.responses[String(status)]?.content?.['application/json']?.schema;
  if (!found || documented === undefined) {
    const valid = validateEnvelope(body);
    return { valid, against: 'envelope', errors: ajv.errorsText(validateEnvelope.errors) };
  }
  const key = `${method.toLowerCase()} ${found.template} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    const pointer = `openapi#/paths/${escapePointer(found.template)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    validate = ajv.compile({ $ref: pointer });
    cache.set(key, validate);
  }
  const valid = validate(body);
  return {
    valid,
    against: 'operation',
    errors: ajv.errorsText(validate.errors, { dataVar: 'body' }),
  };
}
