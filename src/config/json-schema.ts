import { z } from 'zod';
import { CHECK_IDS } from '../model/checks.js';
import { ConfigFile } from './schema.js';

/**
 * The config file as JSON Schema (draft 2020-12), generated from the zod schema so the two never
 * drift. Editors use it through `# yaml-language-server: $schema=...` for completion and inline
 * errors. It describes what people write (`io: 'input'`: every key optional, with its default),
 * and offers the catalogue's check ids for `severity` and `ignore[].check`. Rules it cannot
 * express (real calendar dates, warning below error) stay in the loader, the authority.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ConfigFile, { io: 'input', unrepresentable: 'any' });
  return {
    ...generated,
    properties: withCheckIds(withRemediateShorthand(generated.properties ?? {})),
    title: 'instantly-health config',
    description:
      'Configuration of instantly-health (.github/instantly-health.yml). Thresholds are fractions: 0.05 = 5 %.',
  };
}

/**
 * `remediate: [resume-webhooks]` is shorthand for `{actions: [...]}` (a preprocess in the zod
 * schema, which JSON Schema cannot see): offer both shapes to editors.
 */
function withRemediateShorthand(properties: Record<string, unknown>): Record<string, unknown> {
  const object = properties.remediate as { properties?: { actions?: unknown } } | undefined;
  if (!object?.properties?.actions) return properties;
  return { ...properties, remediate: { anyOf: [object.properties.actions, object] } };
}

/** The loader checks ids against the catalogue with a "did you mean"; editors get the list. */
function withCheckIds(properties: Record<string, unknown>): Record<string, unknown> {
  const ids = { type: 'string', enum: [...CHECK_IDS] };
  const severity = properties.severity as Record<string, unknown> | undefined;
  const ignore = properties.ignore as
    { items?: { properties?: Record<string, unknown> } } | undefined;
  const entry = ignore?.items?.properties;
  return {
    ...properties,
    ...(severity && { severity: { ...severity, propertyNames: ids } }),
    ...(entry && {
      ignore: { ...ignore, items: { ...ignore.items, properties: { ...entry, check: ids } } },
    }),
  };
}
