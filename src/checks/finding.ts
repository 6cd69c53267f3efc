import {
  fingerprintOf,
  type Finding,
  type Resource,
  type Severity,
  type SuiteName,
} from '../model/report.js';
import type { CheckId } from '../model/checks.js';

export interface FindingInput {
  check: CheckId;
  suite: SuiteName;
  severity: Severity;
  resource: Resource;
  message: string;
  remediation: string;
  evidence?: Record<string, unknown>;
  /**
   * Distinguishes several findings of one check on one resource (e.g. one per failing DNS record)
   * so that each keeps its own fingerprint.
   */
  discriminator?: string;
}

/** The only way checks create findings, so every fingerprint is built the same way. */
export function finding(input: FindingInput): Finding {
  const base = fingerprintOf(input.check, input.resource);
  return {
    check: input.check,
    suite: input.suite,
    severity: input.severity,
    resource: input.resource,
    message: input.message,
    remediation: input.remediation,
    evidence: input.evidence ?? {},
    fingerprint: input.discriminator ? `${base}:${input.discriminator}` : base,
  };
}
