import { z } from 'zod';
import { ConfigFile } from './schema.js';

/**
 * The config file as JSON Schema (draft 2020-12), generated from the zod schema so the two never
 * drift. Editors use it through `# yaml-language-server: $schema=...` for completion and inline
 * errors. It describes what people write (`io: 'input'`: every key optional, with its default);
 * rules it cannot express (check ids, real calendar dates, warning below error) stay in the
 * loader, which remains the authority.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigFile, { io: 'input', unrepresentable: 'any' }),
    title: 'instantly-health config',
    description:
      'Configuration of instantly-health (.github/instantly-health.yml). Thresholds are fractions: 0.05 = 5 %.',
  };
}
