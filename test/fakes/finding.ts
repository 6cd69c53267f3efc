import { finding, type FindingInput } from '../../src/checks/finding.js';
import type { CheckId } from '../../src/model/checks.js';
import type { Finding } from '../../src/model/report.js';

/**
 * A finding with any check id. Renderers and tracking read `Finding.check` as text (a report
 * or tracking state from an older version may carry a retired id), so their tests may invent
 * ids; only the checks themselves must use the catalogue's (`finding()` takes a `CheckId`).
 */
export function anyFinding(input: Omit<FindingInput, 'check'> & { check: string }): Finding {
  return finding({ ...input, check: input.check as CheckId });
}
