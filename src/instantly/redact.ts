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

/**
 * A URL inside API text (a delivery error quoting the hook it called, a status message) may
 * carry a token in its path or query: only its scheme and host are kept, with `/…` when
 * something was cut (SECURITY.md promises hook URLs are cut to scheme and host).
 */
const URL_IN_TEXT = /\b([a-z][a-z0-9+.-]{0,31}):\/\/([^\s/?#"'<>\\`]{0,512})([^\s"'<>\\`]*)/gi;

export function cutUrls(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(URL_IN_TEXT, (_match, scheme: string, authority: string, rest: string) => {
    // user:password@host keeps only the host.
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    // Punctuation closing the sentence is the text's, not the URL's.
    const trail = /[.,;:!?)\]}]*$/.exec(rest.slice(-16))?.[0] ?? '';
    const path = rest.slice(0, rest.length - trail.length);
    const cut = path !== '' && path !== '/' ? '/…' : '';
    return `${scheme.toLowerCase()}://${host}${cut}${trail}`;
  });
}
