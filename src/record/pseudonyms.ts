/**
 * Consistent pseudonyms for the email addresses and domains of a workspace, so a recording can be
 * shared: the same address or domain always becomes the same pseudonym within one folder, so
 * senders, tags and campaigns still line up for the checks that replay it.
 *
 * Two passes: `collect` every text first (bodies, paths, the report), then `apply`, so a domain
 * first seen late (in a webhook URL) is replaced in the early exchanges too.
 */

const EMAIL = /[a-z0-9._%+-]+@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})(?![a-z0-9-])/gi;
/** Hosts of URLs in the data (webhook targets, tracking links). */
const URL_HOST = /\bhttps?:\/\/((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})(?![a-z0-9-])/gi;
/** `"domain": "acme.io"`, `"tracking_domain_name": "…"`: values of keys that name a domain. */
const DOMAIN_FIELD =
  /"[a-z_]*(?:domain|host)[a-z_]*"\s*:\s*"((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})"/gi;

/** Public names that identify nobody and that the report's links need as they are. */
const KEPT = /(^|\.)(instantly\.ai|github\.com|example|example\.com|localhost)$/i;

export interface Pseudonymiser {
  /** Learns the addresses and domains in a text (first pass). */
  collect(text: string): void;
  /** Replaces every learned address and domain, case-insensitively (second pass). */
  apply(text: string): string;
  /** Learned originals → pseudonyms (tests; never written to the folder). */
  readonly mapping: ReadonlyMap<string, string>;
}

export function createPseudonymiser(): Pseudonymiser {
  const domains = new Map<string, string>();
  const emails = new Map<string, string>();
  const all = new Map<string, string>();
  let pattern: RegExp | undefined;

  const domainOf = (domain: string): string => {
    const key = domain.toLowerCase();
    let alias = domains.get(key);
    if (alias === undefined) {
      alias = KEPT.test(key) ? key : `domain${domains.size + 1}.example`;
      domains.set(key, alias);
      if (alias !== key) all.set(key, alias);
      pattern = undefined;
    }
    return alias;
  };

  return {
    collect(text) {
      for (const match of text.matchAll(EMAIL)) {
        const key = match[0].toLowerCase();
        if (emails.has(key)) continue;
        const domain = match[1] ?? '';
        const alias = KEPT.test(domain) ? key : `person${emails.size + 1}@${domainOf(domain)}`;
        emails.set(key, alias);
        if (alias !== key) all.set(key, alias);
        pattern = undefined;
      }
      for (const re of [URL_HOST, DOMAIN_FIELD]) {
        for (const match of text.matchAll(re)) domainOf(match[1] ?? '');
      }
    },
    apply(text) {
      if (all.size === 0) return text;
      // Longest first, so `mail.acme.io` wins over `acme.io` and an address over its domain.
      pattern ??= new RegExp(
        `(?<![a-z0-9_%+-])(?:${[...all.keys()]
          .sort((a, b) => b.length - a.length)
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|')})(?![a-z0-9-]|\\.[a-z0-9])`,
        'gi',
      );
      return text.replace(pattern, (found) => all.get(found.toLowerCase()) ?? found);
    },
    get mapping() {
      return all;
    },
  };
}
