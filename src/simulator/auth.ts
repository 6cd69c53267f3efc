/**
 * API keys and scopes as Instantly has them (docs/instantly-api.md, "Auth and scopes"): Bearer keys, each tied to a
 * workspace and carrying `resource:action` scopes. A read needs `X:read`, `X:all`, `all:read` or
 * `all:all`; a write `X:update`, `X:all`, `all:update` or `all:all`.
 */
import type { WorkspaceData } from './types.js';

export interface RouteScope {
  resource: string;
  action: 'read' | 'update';
}

export interface ApiKey {
  workspace: WorkspaceData;
  scopes: ReadonlySet<string>;
  revoked: boolean;
  /** An agency (admin) workspace's key may act on its sub-workspaces with x-as-workspace. */
  subWorkspaces: readonly WorkspaceData[];
}

export function acceptedScopes(scope: RouteScope): string[] {
  return [
    `${scope.resource}:${scope.action}`,
    `${scope.resource}:all`,
    `all:${scope.action}`,
    'all:all',
  ];
}

export function hasScope(key: ApiKey, scope: RouteScope): boolean {
  return acceptedScopes(scope).some((s) => key.scopes.has(s));
}

/** The live API's words for a missing scope, e.g. "Invalid scope. Required: accounts:read. Found: campaigns:all". */
export function invalidScopeMessage(scope: RouteScope, granted: ReadonlySet<string>): string {
  const found = [...granted].sort();
  return `Invalid scope. Required: ${scope.resource}:${scope.action}${found.length > 0 ? `. Found: ${found.join(', ')}` : ''}`;
}

export type AuthOutcome = { ok: true; key: ApiKey } | { ok: false; status: 401; message: string };

export class KeyStore {
  private readonly keys = new Map<string, ApiKey>();

  add(value: string, key: ApiKey): string {
    this.keys.set(value, key);
    return value;
  }

  authenticate(header: string | undefined): AuthOutcome {
    if (header === undefined || header.trim() === '') {
      return { ok: false, status: 401, message: 'Missing Authorization header' };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const key = match?.[1] === undefined ? undefined : this.keys.get(match[1]);
    // A revoked key and an unknown key look alike to the caller, as they should.
    if (!key || key.revoked) return { ok: false, status: 401, message: 'Invalid API key' };
    return { ok: true, key };
  }
}

/**
 * Resolves `x-as-workspace`. Instantly does not document the answer for a workspace the key may
 * not act on; we answer 403 for both "not one of your sub-workspaces" and "no such workspace",
 * since the header asks for a permission (acting as another workspace) and an API should not
 * reveal which workspace ids exist.
 */
export function resolveWorkspace(
  key: ApiKey,
  header: string | undefined,
): { ok: true; workspace: WorkspaceData } | { ok: false; message: string } {
  if (header === undefined || header === '' || header === key.workspace.workspace.id) {
    return { ok: true, workspace: key.workspace };
  }
  const sub = key.subWorkspaces.find((w) => w.workspace.id === header);
  if (!sub) {
    return { ok: false, message: `This API key cannot act as workspace ${header}` };
  }
  return { ok: true, workspace: sub };
}
