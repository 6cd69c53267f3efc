import type { Finding, Resource, SuiteName } from '../model/report.js';
import type { CheckId } from '../model/checks.js';
import { finding } from './finding.js';
import { describeError, errorFacts, isCdnBlock, scopeRemediation } from './scopes.js';
import { HINTS } from './hints.js';

export interface UnknownTarget {
  check: CheckId;
  suite: SuiteName;
  resource: Resource;
  /** What could not be checked, e.g. "Webhook delivery failure rate". */
  what: string;
  /** The verb phrase after `what`; default "could not be checked". */
  phrase?: string;
  discriminator?: string;
}

/**
 * Turns a failed request into an `unknown` finding that names the cause and the fix: the scope
 * to add for a 403, otherwise what went wrong. Suites call it wherever a fetch can fail, so a
 * gap in what we could see is always reported and never mistaken for a pass.
 */
export function unknownFromError(err: unknown, target: UnknownTarget): Finding {
  const facts = errorFacts(err);
  const cause = describeError(facts);
  const remediation = isCdnBlock(facts)
    ? HINTS.cdnBlocked
    : facts.kind === 'scope'
      ? scopeRemediation(facts.endpoint ?? '', facts.requiredScope)
      : facts.kind === 'rate-limited'
        ? HINTS.rateLimited
        : facts.kind === 'timeout'
          ? HINTS.timeout
          : facts.kind === 'unexpected'
            ? HINTS.internal
            : HINTS.apiTrouble;
  return finding({
    check: target.check,
    suite: target.suite,
    severity: 'unknown',
    resource: target.resource,
    message: `${target.what} ${target.phrase ?? 'could not be checked'}: ${cause}.`,
    remediation,
    evidence: {
      cause: facts.kind,
      ...(facts.status !== undefined ? { status: facts.status } : {}),
      ...(facts.endpoint ? { endpoint: facts.endpoint } : {}),
      ...(facts.retries !== undefined ? { retries: facts.retries } : {}),
      ...(facts.requiredScope ? { required_scope: facts.requiredScope } : {}),
      ...(facts.grantedScopes ? { granted_scopes: facts.grantedScopes } : {}),
    },
    ...(target.discriminator ? { discriminator: target.discriminator } : {}),
  });
}
