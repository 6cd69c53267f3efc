import type { QueryValue } from './api.js';

/**
 * Filling `/campaigns/{id}` from params. Each value is percent-encoded as one path segment, since
 * emails (`a+b@x.com`) and other ids may hold `+`, `@`, `/` or `?`.
 */
export function fillPath(template: string, params: Record<string, string> = {}): string {
  const missing: string[] = [];
  const path = template.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined || value === '') {
      missing.push(name);
      return '';
    }
    return encodeURIComponent(value);
  });
  if (missing.length > 0) {
    throw new RangeError(
      `missing path parameter ${missing.map((m) => `{${m}}`).join(', ')} for ${template}`,
    );
  }
  return path;
}

/** Arrays become repeated keys (`ids=a&ids=b`); undefined values are left out. */
export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      search.append(key, String(value));
    } else {
      for (const item of value) search.append(key, item);
    }
  }
  return search.toString();
}

/** `<origin>/api/v2<path>?<query>`; a trailing slash on the origin is tolerated. */
export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  const origin = baseUrl.replace(/\/+$/, '');
  const qs = buildQuery(query);
  return `${origin}/api/v2${path}${qs === '' ? '' : `?${qs}`}`;
}
