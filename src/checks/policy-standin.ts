import type { ConfigFile } from '../config/schema.js';
import type { Finding, SilencedFinding } from '../report/model.js';

/**
 * TEMPORARY stand-in for `applyPolicy` from src/config/policy.ts (the config branch), with the
 * same signature; the engine switches to the real one when that branch is merged.
 */
export const applyPolicy: (
  findings: readonly Finding[],
  config: ConfigFile,
  now: Date,
) => { findings: Finding[]; silenced: SilencedFinding[] } = (findings) => ({
  findings: [...findings],
  silenced: [],
});
