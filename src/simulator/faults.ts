/**
 * Faults injected by method and path pattern, each for a number of requests or always.
 * Patterns are relative to /api/v2 (a leading /api/v2 is accepted too): `*` matches one path
 * segment, `**` any number; a RegExp is matched against the path relative to /api/v2.
 */
export type FaultKind =
  /** 429 with Instantly's envelope; `retryAfter` adds a Retry-After header (seconds or an HTTP date). */
  | { kind: 'rate-limited'; retryAfter?: number | string }
  /** A 5xx with the envelope. */
  | { kind: 'server-error'; status?: 500 | 502 | 503 | 504 }
  /** Delay, then answer normally: a fixed time or a random one in [min, max]. */
  | { kind: 'latency'; ms: number | readonly [number, number] }
  /** Never answer: the client's own timeout must end it. */
  | { kind: 'hang' }
  /** Destroy the socket without a response. */
  | { kind: 'reset' }
  /** 200 with a JSON content type and a truncated body. */
  | { kind: 'malformed-json' }
  /** A Cloudflare-style 403 HTML page. */
  | { kind: 'html-403' }
  /**
   * A server that echoes the request's Authorization header back: in the error message of an
   * envelope with `status` (default 400; 200 gives {"error": "... <header>"}) and in response
   * headers. Tests that the key never leaks through what the API sends back.
   */
  | { kind: 'echo-key'; status?: 200 | 400 | 401 | 403 | 429 | 500 | 503 }
  /** 200 whose body is {"error": "ACC_AUTH_ERROR"} (or the given code). */
  | { kind: 'error-in-200'; error?: string }
  /**
   * The real response, drifted: `extra-field` adds unknown fields to every object item,
   * `unknown-enum` sets an unknown status value (campaign 7, account -7, other 7, a string
   * status "unknown_status"), `missing-optional` removes an optional field (`field`, or the
   * resource's usual one: campaign `sequences`, account `status`, webhook `status`,
   * analytics `open_count_unique`).
   */
  | { kind: 'drift'; drift: 'extra-field' | 'unknown-enum' | 'missing-optional'; field?: string };

export type Fault = FaultKind & {
  /** GET, POST or '*' (default). */
  method?: string;
  path: string | RegExp;
  /** How many matching requests the fault hits; default 1. */
  times?: number | 'always';
};

interface ActiveFault {
  fault: Fault;
  remaining: number;
  matcher: RegExp;
}

function toMatcher(path: string | RegExp): RegExp {
  if (path instanceof RegExp) return path;
  const relative = path.replace(/^\/api\/v2(?=\/|$)/, '');
  const source = relative
    .split('/')
    .map((segment) =>
      segment === '**'
        ? '.*'
        : segment
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
    )
    .join('/');
  return new RegExp(`^${source.replace(/\/\.\*/g, '(?:/.*)?')}$`);
}

export class FaultSet {
  private active: ActiveFault[] = [];

  constructor(faults: readonly Fault[] = []) {
    this.set(faults);
  }

  set(faults: readonly Fault[]): void {
    this.active = faults.map((fault) => ({
      fault,
      remaining: fault.times === 'always' ? Infinity : (fault.times ?? 1),
      matcher: toMatcher(fault.path),
    }));
  }

  /** The fault this request hits (using one of its counts), if any. `path` is relative to /api/v2. */
  take(method: string, path: string): Fault | undefined {
    for (const entry of this.active) {
      if (entry.remaining <= 0) continue;
      const wanted = entry.fault.method?.toUpperCase() ?? '*';
      if (wanted !== '*' && wanted !== method.toUpperCase()) continue;
      entry.matcher.lastIndex = 0;
      if (!entry.matcher.test(path)) continue;
      entry.remaining--;
      return entry.fault;
    }
    return undefined;
  }
}

const DEFAULT_MISSING: Record<string, string> = {
  campaign: 'sequences',
  account: 'status',
  webhook: 'status',
  analytics: 'open_count_unique',
};

/** The resource kind a path serves, for drift defaults. */
function resourceOf(path: string): string {
  if (path.startsWith('/campaigns/analytics')) return 'analytics';
  if (path.startsWith('/campaigns')) return 'campaign';
  if (path.startsWith('/accounts')) return 'account';
  if (path.startsWith('/webhooks')) return 'webhook';
  return 'other';
}

/** Applies a drift fault to a response body (a copy; the simulator's data is untouched). */
export function applyDrift(
  body: unknown,
  fault: Extract<Fault, { kind: 'drift' }>,
  path: string,
): unknown {
  const copy: unknown = structuredClone(body);
  const resource = resourceOf(path);
  const targets: Record<string, unknown>[] = [];
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(copy)) targets.push(...copy.filter(isRecord));
  else if (isRecord(copy)) {
    if (Array.isArray(copy.items)) targets.push(...copy.items.filter(isRecord));
    else if (isRecord(copy.diagnostics)) targets.push(copy.diagnostics);
    else targets.push(copy);
  }
  for (const target of targets) {
    if (fault.drift === 'extra-field') {
      target.x_added_in_a_later_version = { note: 'unknown to this client' };
      target.priority_score = 0.5;
    } else if (fault.drift === 'unknown-enum') {
      const key = fault.field ?? (resource === 'analytics' ? 'campaign_status' : 'status');
      const current = target[key];
      target[key] =
        typeof current === 'string' ? 'unknown_status' : resource === 'account' ? -7 : 7;
    } else {
      const key = fault.field ?? DEFAULT_MISSING[resource];
      if (key !== undefined) Reflect.deleteProperty(target, key);
    }
  }
  return copy;
}
