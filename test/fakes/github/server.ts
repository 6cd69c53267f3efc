/**
 * A fake GitHub REST API on loopback for tracking tests: issues, comments and labels of one
 * repository kept in memory, served on the routes the adapter uses. Every request it receives and
 * every response it sends is checked against GitHub's published description (openapi.ts); the
 * violations are collected in `violations` so a test can assert there are none.
 *
 *   const gh = await FakeGitHub.start({ owner: 'acme', repo: 'ops' });
 *   process.env.GITHUB_API_URL = gh.url;          // or pass baseUrl: gh.url
 *   ... gh.issues(), gh.openIssues(), gh.fail({ status: 403 }), gh.violations ...
 *   await gh.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadOperations, type OperationCheck } from './openapi.js';

export interface FakeComment {
  id: number;
  body: string;
  created_at: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  labels: string[];
  assignees: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  comments: FakeComment[];
  /** Login of who created it: the token's identity for issues created through the API. */
  author: string;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

/** A fault answered instead of the real response, for `times` matching requests (default 1). */
export type Fault =
  | {
      kind: 'status';
      status: 403 | 404 | 500 | 502 | 503;
      message?: string;
      times?: number;
      method?: string;
      path?: RegExp;
    }
  | { kind: 'secondary-rate-limit'; retryAfterSeconds?: number; times?: number; method?: string };

export interface RequestRecord {
  method: string;
  path: string;
  query: string;
  status: number;
  operationId?: string;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** `/api/v3` makes the URLs look like GitHub Enterprise Server's. */
  pathPrefix?: string;
  now?: () => Date;
  /**
   * Who the token acts as. `app` (default): an installation token such as `GITHUB_TOKEN`;
   * `GET /user` answers 403 "Resource not accessible by integration" and issues it creates are
   * authored by `github-actions[bot]`. `{ user }`: a personal access token of that login.
   */
  identity?: 'app' | { user: string };
}

export const ACTIONS_BOT = 'github-actions[bot]';

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const READ_ONLY_MESSAGE = 'Resource not accessible by integration';

let operationsCache: OperationCheck[] | undefined;

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  /** The API base URL to hand to octokit (`GITHUB_API_URL`). */
  url = '';
  readonly violations: string[] = [];
  readonly requests: RequestRecord[] = [];
  /** When set, every write answers 403 "Resource not accessible by integration" (a read-only token). */
  readOnly = false;
  /** Logins GitHub cannot assign (typos, no access): creating an issue with one is a 422. */
  readonly unassignable = new Set<string>();
  now: () => Date;
  /** See `FakeGitHubOptions.identity`; tests may switch it between runs. */
  identity: 'app' | { user: string };
  /** When set, requests are read but never answered (a GitHub API that hangs). */
  hang = false;

  private readonly server: Server;
  private readonly pathPrefix: string;
  private readonly store = new Map<number, FakeIssue>();
  private readonly labelStore = new Map<string, FakeLabel>();
  private faults: Fault[] = [];
  private nextId = 1000;
  private readonly operations: OperationCheck[];

  private constructor(options: FakeGitHubOptions) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'ops';
    this.pathPrefix = options.pathPrefix ?? '';
    this.now = options.now ?? (() => new Date());
    this.identity = options.identity ?? 'app';
    operationsCache ??= loadOperations();
    this.operations = operationsCache;
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
  }

  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.url = `http://127.0.0.1:${port}${fake.pathPrefix}`;
    return fake;
  }

  /** The login of issues created through the API. */
  get login(): string {
    return this.identity === 'app' ? ACTIONS_BOT : this.identity.user;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  /** Copies of every issue, by number. */
  issues(): FakeIssue[] {
    return [...this.store.values()]
      .sort((a, b) => a.number - b.number)
      .map((i) => structuredClone(i));
  }

  openIssues(): FakeIssue[] {
    return this.issues().filter((i) => i.state === 'open');
  }

  issue(number: number): FakeIssue | undefined {
    const found = this.store.get(number);
    return found ? structuredClone(found) : undefined;
  }

  labels(): FakeLabel[] {
    return [...this.labelStore.values()].map((l) => ({ ...l }));
  }

  /**
   * Puts an issue in place directly (no request), e.g. one a person edited. `author` defaults to
   * the token's identity (an issue an earlier run created); give another login for a person's.
   */
  seedIssue(partial: Partial<FakeIssue> & Pick<FakeIssue, 'title'>): FakeIssue {
    const at = this.now().toISOString();
    const issue: FakeIssue = {
      number: this.store.size + 1,
      body: null,
      state: 'open',
      state_reason: null,
      labels: [],
      assignees: [],
      created_at: at,
      updated_at: at,
      closed_at: null,
      comments: [],
      author: this.login,
      ...partial,
    };
    this.store.set(issue.number, issue);
    return structuredClone(issue);
  }

  /** Edits an issue directly, as a person would in the web UI. */
  editIssue(number: number, change: Partial<FakeIssue>): void {
    const issue = this.store.get(number);
    if (!issue) throw new Error(`no issue #${number}`);
    Object.assign(issue, change);
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Requests that changed something (the writes the tracking made). */
  writes(): RequestRecord[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const record: RequestRecord = { method, path: url.pathname, query: url.search, status: 0 };
    this.requests.push(record);
    // A hanging API: the connection stays open until the client gives up or close() ends it.
    if (this.hang) return;

    let reply: Reply;
    let operation: OperationCheck | undefined;
    let params: Record<string, string> | null = null;
    const pathname = url.pathname.startsWith(this.pathPrefix)
      ? url.pathname.slice(this.pathPrefix.length)
      : url.pathname;
    for (const op of this.operations) {
      if (op.method !== method) continue;
      params = op.match(pathname);
      if (params) {
        operation = op;
        break;
      }
    }
    if (!operation || !params) {
      this.violations.push(`${method} ${url.pathname}: not an operation the fake serves`);
      reply = notFound();
    } else {
      record.operationId = operation.operationId;
      let body: unknown;
      let parseError = false;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          parseError = true;
          this.violations.push(`${operation.operationId}: request body is not JSON`);
        }
      }
      const requestViolations = operation.checkRequest({
        params,
        query: url.searchParams,
        body,
        contentType: req.headers['content-type'],
      });
      this.violations.push(...requestViolations);
      if (!req.headers.authorization) {
        this.violations.push(`${operation.operationId}: no authorization header`);
      }
      if (parseError) {
        reply = { status: 400, body: { message: 'Problems parsing JSON' } };
      } else if (requestViolations.length > 0) {
        // GitHub refuses what its description does not allow; so does the fake (and the
        // violation is on record for the test).
        reply = {
          status: 422,
          body: { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest' },
        };
      } else {
        try {
          reply =
            this.injectedFault(method, url.pathname) ??
            this.route(operation.operationId, params, url.searchParams, body, url);
        } catch (err) {
          this.violations.push(`${operation.operationId}: the fake crashed: ${String(err)}`);
          reply = { status: 500, body: { message: 'Server Error' } };
        }
      }
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      ...reply.headers,
    };
    if (operation) {
      this.violations.push(...operation.checkResponse(reply.status, reply.body ?? null, headers));
    }
    record.status = reply.status;
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  private injectedFault(method: string, path: string): Reply | null {
    const index = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method === method) &&
        (f.kind !== 'status' || f.path === undefined || f.path.test(path)),
    );
    if (index >= 0) {
      const fault = this.faults[index];
      if (fault) {
        const left = (fault.times ?? 1) - 1;
        if (left <= 0) this.faults.splice(index, 1);
        else fault.times = left;
        if (fault.kind === 'secondary-rate-limit') {
          return {
            status: 403,
            headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
            body: {
              message:
                'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
              documentation_url:
                'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
            },
          };
        }
        return {
          status: fault.status,
          body: {
            message:
              fault.message ??
              (fault.status === 403
                ? READ_ONLY_MESSAGE
                : fault.status === 404
                  ? 'Not Found'
                  : 'Server Error'),
            documentation_url: 'https://docs.github.com/rest',
          },
        };
      }
    }
    if (this.readOnly && method !== 'GET') {
      return {
        status: 403,
        body: { message: READ_ONLY_MESSAGE, documentation_url: 'https://docs.github.com/rest' },
      };
    }
    return null;
  }

  private route(
    operationId: string,
    params: Record<string, string>,
    query: URLSearchParams,
    body: unknown,
    url: URL,
  ): Reply {
    if (
      operationId !== 'users/get-authenticated' &&
      (params.owner !== this.owner || params.repo !== this.repo)
    ) {
      return notFound();
    }
    const input = (body ?? {}) as Record<string, unknown>;
    const at = this.now().toISOString();
    const issue = params.issue_number ? this.store.get(Number(params.issue_number)) : undefined;
    switch (operationId) {
      case 'issues/list-for-repo':
        return this.list(query, url);
      case 'issues/create': {
        const number = this.store.size + 1;
        const created: FakeIssue = {
          number,
          title: String(input.title),
          body: typeof input.body === 'string' ? input.body : null,
          state: 'open',
          state_reason: null,
          labels: ((input.labels ?? []) as unknown[]).map((l) =>
            typeof l === 'string' ? l : String((l as { name?: unknown }).name),
          ),
          assignees: (input.assignees ?? []) as string[],
          created_at: at,
          updated_at: at,
          closed_at: null,
          comments: [],
          author: this.login,
        };
        const tooLong = bodyTooLong(created.body);
        if (tooLong) return tooLong;
        if (created.assignees.some((a) => this.unassignable.has(a))) {
          return {
            status: 422,
            body: {
              message: 'Validation Failed',
              errors: [{ resource: 'Issue', code: 'invalid', field: 'assignees' }],
              documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
            },
          };
        }
        for (const name of created.labels) this.ensureLabel(name);
        this.store.set(number, created);
        return { status: 201, body: this.issueJson(created) };
      }
      case 'issues/get':
        return issue ? { status: 200, body: this.issueJson(issue) } : notFound();
      case 'issues/update': {
        if (!issue) return notFound();
        if (typeof input.body === 'string') {
          const tooLong = bodyTooLong(input.body);
          if (tooLong) return tooLong;
          issue.body = input.body;
        }
        if (typeof input.title === 'string') issue.title = input.title;
        if (input.state === 'closed' && issue.state === 'open') {
          issue.state = 'closed';
          issue.closed_at = at;
          issue.state_reason =
            (input.state_reason as FakeIssue['state_reason'] | undefined) ?? 'completed';
        } else if (input.state === 'open' && issue.state === 'closed') {
          issue.state = 'open';
          issue.closed_at = null;
          issue.state_reason = 'reopened';
        }
        if (Array.isArray(input.labels)) issue.labels = input.labels as string[];
        issue.updated_at = at;
        return { status: 200, body: this.issueJson(issue) };
      }
      case 'issues/list-comments':
        return issue
          ? { status: 200, body: issue.comments.map((c) => this.commentJson(issue, c)) }
          : notFound();
      case 'issues/create-comment': {
        if (!issue) return notFound();
        const text = String(input.body);
        const tooLong = bodyTooLong(text);
        if (tooLong) return tooLong;
        const comment: FakeComment = { id: this.nextId++, body: text, created_at: at };
        issue.comments.push(comment);
        issue.updated_at = at;
        return { status: 201, body: this.commentJson(issue, comment) };
      }
      case 'issues/get-label': {
        const label = this.labelStore.get((params.name ?? '').toLowerCase());
        return label ? { status: 200, body: this.labelJson(label) } : notFound();
      }
      case 'issues/create-label': {
        const name = String(input.name);
        if (this.labelStore.has(name.toLowerCase())) {
          return {
            status: 422,
            body: {
              message: 'Validation Failed',
              errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
              documentation_url: 'https://docs.github.com/rest/issues/labels#create-a-label',
            },
          };
        }
        const label = this.ensureLabel(
          name,
          typeof input.color === 'string' ? input.color : undefined,
          typeof input.description === 'string' ? input.description : undefined,
        );
        return { status: 201, body: this.labelJson(label) };
      }
      case 'users/get-authenticated':
        return this.identity === 'app'
          ? {
              status: 403,
              body: {
                message: READ_ONLY_MESSAGE,
                documentation_url:
                  'https://docs.github.com/rest/users/users#get-the-authenticated-user',
              },
            }
          : { status: 200, body: this.publicUser(this.identity.user) };
      default:
        return notFound();
    }
  }

  private list(query: URLSearchParams, url: URL): Reply {
    const state = query.get('state') ?? 'open';
    const wanted = (query.get('labels') ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const since = query.get('since');
    const sort = query.get('sort') ?? 'created';
    const direction = query.get('direction') ?? 'desc';
    const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30), 1), 100);
    const page = Math.max(Number(query.get('page') ?? 1), 1);
    const key = (i: FakeIssue): string => (sort === 'updated' ? i.updated_at : i.created_at);
    const matching = [...this.store.values()]
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
      .filter((i) => since === null || i.updated_at >= since)
      .sort((a, b) => {
        const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number;
        return direction === 'asc' ? order : -order;
      });
    const last = Math.max(Math.ceil(matching.length / perPage), 1);
    const slice = matching.slice((page - 1) * perPage, page * perPage);
    const link = (p: number, rel: string): string => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(p));
      return `<${this.url.replace(/\/api\/v3$/, '')}${u.pathname}${u.search}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return {
      status: 200,
      body: slice.map((i) => this.issueJson(i)),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  private ensureLabel(name: string, color = 'ededed', description?: string): FakeLabel {
    const existing = this.labelStore.get(name.toLowerCase());
    if (existing) return existing;
    const label: FakeLabel = { id: this.nextId++, name, color, description: description ?? null };
    this.labelStore.set(name.toLowerCase(), label);
    return label;
  }

  private get apiRoot(): string {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }

  private get webRoot(): string {
    return `${this.url.replace(/\/api\/v3$/, '')}/${this.owner}/${this.repo}`;
  }

  private labelJson(label: FakeLabel): Record<string, unknown> {
    return {
      id: label.id,
      node_id: `LA_${label.id}`,
      url: `${this.apiRoot}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: label.description,
      color: label.color,
      default: false,
    };
  }

  private issueJson(issue: FakeIssue): Record<string, unknown> {
    const api = `${this.apiRoot}/issues/${issue.number}`;
    return {
      id: 100000 + issue.number,
      node_id: `I_${issue.number}`,
      url: api,
      repository_url: this.apiRoot,
      labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`,
      events_url: `${api}/events`,
      html_url: `${this.webRoot}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.state_reason,
      title: issue.title,
      body: issue.body,
      user: this.user(issue.author),
      labels: issue.labels.map((name) => this.labelJson(this.ensureLabel(name))),
      assignee: issue.assignees[0] ? this.user(issue.assignees[0]) : null,
      assignees: issue.assignees.map((a) => this.user(a)),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: issue.comments.length,
      closed_at: issue.closed_at,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      author_association: 'NONE',
    };
  }

  private commentJson(issue: FakeIssue, comment: FakeComment): Record<string, unknown> {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.apiRoot}/issues/comments/${comment.id}`,
      html_url: `${this.webRoot}/issues/${issue.number}#issuecomment-${comment.id}`,
      issue_url: `${this.apiRoot}/issues/${issue.number}`,
      body: comment.body,
      user: this.user(this.login),
      created_at: comment.created_at,
      updated_at: comment.created_at,
      author_association: 'NONE',
    };
  }

  /** `GET /user` for a personal access token (the public view). */
  private publicUser(login: string): Record<string, unknown> {
    const at = '2020-01-01T00:00:00Z';
    return {
      ...this.user(login),
      user_view_type: 'public',
      name: null,
      company: null,
      blog: null,
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: at,
      updated_at: at,
    };
  }

  private user(login: string): Record<string, unknown> {
    const web = `${this.url.replace(/\/api\/v3$/, '')}/${encodeURIComponent(login)}`;
    const api = `${this.url}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id: login.length * 7919,
      node_id: `U_${login.length}`,
      avatar_url: `${web}.png`,
      gravatar_id: '',
      url: api,
      html_url: web,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
    };
  }
}

function notFound(): Reply {
  return {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
  };
}

/** GitHub refuses bodies over 65,536 characters with a 422. */
function bodyTooLong(body: string | null): Reply | null {
  // GitHub counts characters (code points), not UTF-16 units.
  if (body === null || Array.from(body).length <= 65536) return null;
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'Issue',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: 'https://docs.github.com/rest',
    },
  };
}
