/**
 * Masks the API key in any text that leaves the client (error messages, API error bodies,
 * causes). A server may echo the key back in a body or a header, and a key in a CI log is a
 * leaked key, so every string the client puts into a thrown object goes through here.
 */

export const REDACTED = '[REDACTED]';

export type Redactor = (text: string) => string;

/** Also masks the forms a key takes when a server echoes it back encoded. */
function variants(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(JSON.stringify(secret).slice(1, -1));
  forms.add(Buffer.from(secret, 'utf8').toString('base64'));
  return [...forms].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `bearer: false` masks only the given secrets, for whole response bodies: there, text after the
 * word "bearer" may be a campaign's own copy, which must reach the checks unchanged.
 */
export function createRedactor(
  secrets: readonly string[],
  options: { bearer?: boolean } = {},
): Redactor {
  const forms = secrets.filter((s) => s.length > 0).flatMap(variants);
  // Whatever follows "Bearer" is a credential even when it is not ours (a proxy's, a stale one).
  const bearer = options.bearer === false ? undefined : /(bearer\s+)[^\s"',;]+/gi;
  const known = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    const masked = known ? text.replace(known, REDACTED) : text;
    return bearer ? masked.replace(bearer, `$1${REDACTED}`) : masked;
  };
}
