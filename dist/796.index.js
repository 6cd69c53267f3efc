export const id = 796;
export const ids = [796];
export const modules = {

/***/ 7796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  trackHealth: () => (/* binding */ trackHealth)
});

// EXTERNAL MODULE: ./src/tracking/body.ts
var tracking_body = __webpack_require__(9373);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./src/net/proxy.ts
var proxy = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/tracking/marker.ts
var marker = __webpack_require__(9043);
;// CONCATENATED MODULE: ./src/tracking/store.ts
const byAge = (a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number;
/**
 * Ours: created by the identity this token acts as, and carrying our marker. Anything else is a
 * person's (a hand-filed issue with the label, an issue template, a forged marker by another
 * account) and is never edited, commented, closed or reopened (contract section 5).
 */
function isOurs(issue, me) {
    if (!issue.marker.present)
        return false;
    return me.kind === 'app'
        ? /\[bot\]$/i.test(issue.author)
        : issue.author.toLowerCase() === me.login.toLowerCase();
}
async function locate(store, label, workspaceId, { me, agency }) {
    const warnings = [];
    const open = (await store.listOpen(label)).filter((i) => isOurs(i, me));
    const mine = open.filter((i) => i.marker.workspaceId === workspaceId).sort(byAge);
    let chosen = mine[0] ?? null;
    if (!chosen && !agency) {
        // A marker a person broke no longer names its workspace. Reuse such an issue (ours: same
        // author) rather than open a second one: one workspace per repository is the common case.
        const unreadable = open.filter((i) => i.marker.workspaceId === null).sort(byAge)[0];
        if (unreadable) {
            chosen = unreadable;
            warnings.push(`issue #${unreadable.number} has the label "${label}" but its tracking state cannot be read (${unreadable.marker.warning ?? 'unknown reason'}); reusing it`);
        }
    }
    else if (chosen?.marker.warning) {
        warnings.push(`issue #${chosen.number}: ${chosen.marker.warning}`);
    }
    const closed = chosen ? null : await store.findLastClosed(label, workspaceId, me);
    const lastClosed = closed && isOurs(closed, me) ? closed : null;
    return { open: chosen, duplicates: mine.slice(1), lastClosed, warnings };
}

;// CONCATENATED MODULE: ./src/tracking/github.ts






const REQUEST_TIMEOUT_MS = 30_000;
/** fetch with a timeout per request and the phase's deadline on top of the caller's signal. */
function boundedFetch(inner, timeoutMs, deadline) {
    return (input, init) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signals = [timeout];
        if (deadline)
            signals.push(deadline);
        if (init?.signal)
            signals.push(init.signal);
        return inner(input, { ...init, signal: AbortSignal.any(signals) }).catch((err) => {
            // A request's own timeout is an ordinary failure (octokit may retry it), said plainly;
            // the phase's deadline stays an AbortError, which is not retried.
            if (timeout.aborted && !deadline?.aborted && !init?.signal?.aborted) {
                throw new Error(`no answer within ${Math.ceil(timeoutMs / 1000)} s`);
            }
            throw err;
        });
    };
}
/** A Bottleneck group stand-in that runs jobs at once (see `spaceWrites`). */
const immediateGroup = {
    key: () => ({
        schedule: (...args) => {
            const rest = typeof args[0] === 'function' ? args : args.slice(1);
            const [job, ...jobArgs] = rest;
            return job(...jobArgs);
        },
    }),
};
function createGitHubClient(token, options = {}) {
    const baseUrl = (options.baseUrl ??
        (process.env.GITHUB_API_URL || undefined) ??
        'https://api.github.com').replace(/\/+$/, '');
    const base = options.retryAfterBaseMs ?? 1000;
    const retries = options.retries ?? 3;
    const log = options.log ?? (() => undefined);
    const onLimit = (kind) => (retryAfter, request, _o, count) => {
        log(`GitHub ${kind} rate limit on ${String(request.method)} ${String(request.url)}; retry ${count + 1} in ${retryAfter}s`);
        return count < retries;
    };
    return (0,github/* getOctokit */.Q)(token, {
        baseUrl,
        // HTTP(S)_PROXY / NO_PROXY, decided per request URL (see src/net/proxy.ts).
        request: {
            fetch: boundedFetch((0,proxy/* createProxyFetch */.v)(), options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, options.signal),
        },
        retry: { retries, retryAfterBaseValue: base },
        throttle: {
            retryAfterBaseValue: base,
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            ...(options.spaceWrites === false
                ? { write: immediateGroup, notifications: immediateGroup }
                : {}),
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}
function summarize(issue) {
    const body = issue.body ?? '';
    return {
        number: issue.number,
        state: issue.state === 'closed' ? 'closed' : 'open',
        stateReason: issue.state_reason ?? null,
        title: issue.title,
        body,
        htmlUrl: issue.html_url,
        createdAt: issue.created_at,
        closedAt: issue.closed_at,
        author: issue.user?.login ?? '',
        marker: (0,marker/* readMarker */.t7)(body),
    };
}
/** The octokit adapter of `IssueStore`. */
class OctokitIssueStore {
    octokit;
    repo;
    constructor(octokit, repo) {
        this.octokit = octokit;
        this.repo = repo;
    }
    identity;
    /**
     * `GET /user` names the user of a personal access token (classic or fine-grained). An
     * installation token (`GITHUB_TOKEN`) cannot read it: GitHub answers 403 "Resource not
     * accessible by integration", and the issues such a token creates are authored by
     * `github-actions[bot]`. Asked once per store.
     */
    whoAmI() {
        this.identity ??= this.octokit.rest.users.getAuthenticated().then(({ data }) => ({ kind: 'user', login: data.login }), (err) => {
            if (statusOf(err) === 403)
                return { kind: 'app' };
            throw err;
        });
        return this.identity;
    }
    /** Open issues with the label, every page (pull requests left out). */
    async listOpen(label) {
        const issues = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
            ...this.repo,
            labels: label,
            state: 'open',
            per_page: 100,
        });
        return issues.filter((i) => i.pull_request === undefined).map(summarize);
    }
    /**
     * The most recently closed issue with the label that names the workspace: pages sorted by
     * last update, stopping at the first page that has one (a closed issue is rarely touched).
     */
    async findLastClosed(label, workspaceId, me, maxPages = 5) {
        let pages = 0;
        for await (const response of this.octokit.paginate.iterator(this.octokit.rest.issues.listForRepo, {
            ...this.repo,
            labels: label,
            state: 'closed',
            sort: 'updated',
            direction: 'desc',
            per_page: 100,
        })) {
            const matching = response.data
                .filter((i) => i.pull_request === undefined)
                .map(summarize)
                .filter((i) => isOurs(i, me) &&
                i.marker.workspaceId !== null &&
                (workspaceId === null || i.marker.workspaceId === workspaceId) &&
                i.stateReason !== 'duplicate')
                .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
            if (matching[0])
                return matching[0];
            if (++pages >= maxPages)
                break;
        }
        return null;
    }
    /** Creates each label that does not exist yet (a 422 means another run just created it). */
    async ensureLabels(labels) {
        for (const name of labels) {
            try {
                await this.octokit.rest.issues.getLabel({ ...this.repo, name });
            }
            catch (err) {
                if (statusOf(err) !== 404)
                    throw err;
                try {
                    await this.octokit.rest.issues.createLabel({
                        ...this.repo,
                        name,
                        color: 'd93f0b',
                        description: 'Tracked by instantly-health',
                    });
                }
                catch (createErr) {
                    if (statusOf(createErr) !== 422)
                        throw createErr;
                }
            }
        }
    }
    async create(input) {
        try {
            const { data } = await this.octokit.rest.issues.create({ ...this.repo, ...input });
            return { issue: summarize(data), warnings: [] };
        }
        catch (err) {
            // An assignee who cannot be assigned (a typo, no access) fails the whole create; the
            // issue matters more than the assignment.
            if (statusOf(err) !== 422 || input.assignees.length === 0)
                throw err;
            const { data } = await this.octokit.rest.issues.create({
                ...this.repo,
                ...input,
                assignees: [],
            });
            return {
                issue: summarize(data),
                warnings: [
                    `could not assign ${input.assignees.join(', ')} (GitHub refused: check the logins and that they have access); created the issue unassigned`,
                ],
            };
        }
    }
    async update(number, change) {
        const { data } = await this.octokit.rest.issues.update({
            ...this.repo,
            issue_number: number,
            ...(change.body === undefined ? {} : { body: change.body }),
            ...(change.state === undefined ? {} : { state: change.state }),
            ...(change.stateReason === undefined ? {} : { state_reason: change.stateReason }),
        });
        return summarize(data);
    }
    async comment(number, body) {
        await this.octokit.rest.issues.createComment({ ...this.repo, issue_number: number, body });
    }
}
function statusOf(err) {
    if (typeof err === 'object' &&
        err !== null &&
        'status' in err &&
        typeof err.status === 'number') {
        return err.status;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/tracking/errors.ts

function githubMessage(err) {
    const data = typeof err === 'object' && err !== null && 'response' in err
        ? err.response?.data
        : undefined;
    if (typeof data === 'object' &&
        data !== null &&
        'message' in data &&
        typeof data.message === 'string') {
        return data.message;
    }
    return err instanceof Error ? err.message : String(err);
}
/**
 * A message a person can act on, for any failure of a GitHub call. Built from the status and
 * GitHub's short message only: never from the request, which carries the token.
 */
function toTrackingError(err, repo, doing) {
    // octokit reports a connection failure as a status-500 RequestError without a response.
    const answered = typeof err === 'object' && err !== null && 'response' in err && err.response !== undefined;
    const status = answered ? statusOf(err) : undefined;
    const where = `${repo.owner}/${repo.repo}`;
    const said = githubMessage(err).slice(0, 300);
    if (status === 403 && /not accessible by integration/i.test(said)) {
        return {
            kind: 'permission',
            status,
            message: `Could not ${doing} in ${where}: the GitHub token lacks the permission (403 "Resource not accessible by integration"). ` +
                'Add `permissions: issues: write` to the workflow or job. Pull requests from forks always get a read-only token: ' +
                'set `create-issue: false` for those runs.',
        };
    }
    if (status === 403 || status === 429) {
        const limited = /rate limit/i.test(said);
        return {
            kind: limited ? 'rate-limited' : 'permission',
            status,
            message: limited
                ? `Could not ${doing} in ${where}: GitHub's rate limit still applied after retries (${status}: ${said}). The next run will catch up.`
                : `Could not ${doing} in ${where}: GitHub refused (${status}: ${said}). Check the token's permissions (\`permissions: issues: write\`).`,
        };
    }
    if (status === 404) {
        return {
            kind: 'not-found',
            status,
            message: `Could not ${doing}: repository ${where} was not found, or the token cannot see it (404). Check the repository name and that the token has access to it.`,
        };
    }
    if (status === 401) {
        return {
            kind: 'auth',
            status,
            message: `Could not ${doing} in ${where}: GitHub rejected the token (401 Bad credentials). Pass a valid \`github-token\`.`,
        };
    }
    if (status === 410) {
        return {
            kind: 'not-found',
            status,
            message: `Could not ${doing} in ${where}: issues are disabled in this repository (410). Enable them, or set \`create-issue: false\`.`,
        };
    }
    if (status === 422) {
        return {
            kind: 'invalid',
            status,
            message: `Could not ${doing} in ${where}: GitHub refused the request (422: ${said}).`,
        };
    }
    if (status !== undefined && status >= 500) {
        return {
            kind: 'github',
            status,
            message: `Could not ${doing} in ${where}: GitHub kept failing after retries (${status}: ${said}). The next run will catch up.`,
        };
    }
    if (status !== undefined) {
        return {
            kind: 'github',
            status,
            message: `Could not ${doing} in ${where}: GitHub answered ${status} (${said}).`,
        };
    }
    return {
        kind: 'network',
        message: `Could not ${doing} in ${where}: GitHub could not be reached (${said}). Check GITHUB_API_URL and the network.`,
    };
}

// EXTERNAL MODULE: ./src/tracking/planner.ts
var planner = __webpack_require__(6861);
// EXTERNAL MODULE: ./src/tracking/trend.ts
var tracking_trend = __webpack_require__(750);
;// CONCATENATED MODULE: ./src/tracking/track.ts






const DAY_MS = 86_400_000;
const DEFAULT_LABEL = 'instantly-health';
async function trackHealth(options) {
    const warnings = [];
    const { report, repo, config } = options;
    const now = options.now ?? new Date();
    const labels = options.labels.map((l) => l.trim()).filter(Boolean);
    if (labels.length === 0)
        labels.push(DEFAULT_LABEL);
    const label = labels[0] ?? DEFAULT_LABEL;
    const agency = options.agency === true;
    const store = options.store ?? new OctokitIssueStore(createGitHubClient(options.token, options.client), repo);
    let step = 'find out which account the GitHub token acts as';
    let result = {};
    let planned;
    let trend = [];
    try {
        const me = await store.whoAmI();
        step = 'read the tracking issue';
        const workspaceId = report.workspace?.id ??
            options.workspaceId ??
            (agency ? undefined : await identifyWorkspace(store, label, me));
        if (!workspaceId) {
            // A `failed` run names no workspace; without one there is no issue to look at.
            if (report.status === 'failed') {
                warnings.push(`the run could not identify the workspace and no tracking issue of this repository names exactly one; set the workspace-id input so blind runs are counted`);
            }
            return { regressed: false, action: 'none', warnings };
        }
        const found = await locate(store, label, workspaceId, { me, agency });
        warnings.push(...found.warnings);
        if (found.open)
            result = { issueNumber: found.open.number, issueUrl: found.open.htmlUrl };
        const holder = found.open ?? found.lastClosed;
        const previous = holder?.marker.state?.workspaceId === workspaceId ? holder.marker.state : null;
        const recentlyClosed = found.lastClosed?.closedAt != null &&
            now.getTime() - Date.parse(found.lastClosed.closedAt) < DAY_MS;
        planned = (0,planner/* plan */.et)(previous, report, config, now, {
            hasOpenIssue: found.open !== null,
            recentlyClosed,
            workspaceId,
            ...(found.open ? { openIssueCreatedAt: found.open.createdAt } : {}),
        });
        trend = (0,tracking_trend/* appendTrend */.K8)(previous?.history, (0,tracking_trend/* trendPoint */.I)(report));
        const outcome = (plan) => ({
            regressed: plan.regressed,
            action: plan.action,
            warnings,
            trend,
            plan,
            ...result,
        });
        if (options.dryRun)
            return outcome(planned);
        const state = withTrend(planned.nextState, trend);
        const effects = (0,planner/* planEffects */.GQ)(planned, {
            open: found.open,
            duplicates: found.duplicates,
            lastClosed: found.lastClosed
                ? { number: found.lastClosed.number, state: found.lastClosed.marker.state ?? null }
                : null,
            state,
        });
        const current = planned;
        const run = {
            store,
            body: (closed) => state
                ? (0,tracking_body/* renderIssueBody */.Yx)({
                    report,
                    state,
                    now,
                    closed,
                    ...(options.runUrl ? { runUrl: options.runUrl } : {}),
                })
                : '',
            comment: (about) => about === 'closing'
                ? (0,tracking_body/* renderClosingComment */.HF)(current, options.runUrl)
                : current.blind && current.blind.change !== 'none'
                    ? (0,tracking_body/* renderBlindComment */.Vk)(current, report, options.runUrl)
                    : (0,tracking_body/* renderChangeComment */.ok)(current, report, options.runUrl, about === 'reopened'),
        };
        for (const effect of effects) {
            step = describe(effect);
            switch (effect.kind) {
                case 'create': {
                    await store.ensureLabels(labels);
                    const created = await store.create({
                        title: options.title,
                        body: run.body(effect.closed),
                        labels,
                        assignees: effect.closed ? [] : options.assignees,
                    });
                    if (effect.closed) {
                        await store.update(created.issue.number, {
                            state: 'closed',
                            stateReason: 'not_planned',
                        });
                        warnings.push(`created issue #${created.issue.number} closed, to count failing runs toward failure_threshold ${config.failure_threshold}; it reopens when the threshold is reached`);
                        break;
                    }
                    warnings.push(...created.warnings);
                    step = 'check for a duplicate tracking issue';
                    const open = (await store.listOpen(label)).filter((i) => isOurs(i, me) && i.marker.workspaceId === workspaceId);
                    const settled = (0,planner/* settleRace */.H2)(open, created.issue);
                    for (const duplicate of settled.effects)
                        await perform(duplicate, run);
                    result = { issueNumber: settled.keep.number, issueUrl: settled.keep.htmlUrl };
                    break;
                }
                default: {
                    const changed = await perform(effect, run);
                    if (effect.kind === 'reopen' && changed) {
                        result = { issueNumber: changed.number, issueUrl: changed.htmlUrl };
                    }
                }
            }
        }
        return outcome(planned);
    }
    catch (err) {
        return {
            regressed: planned?.regressed ?? false,
            action: planned?.action ?? 'none',
            warnings,
            trend,
            ...(planned ? { plan: planned } : {}),
            ...result,
            error: options.client?.signal?.aborted
                ? {
                    kind: 'network',
                    message: `Could not ${step} in ${repo.owner}/${repo.repo}: GitHub did not answer before the tracking deadline (the run's timeout plus a short grace). The report and the job summary are written; the next run will catch up.`,
                }
                : toTrackingError(err, repo, step),
        };
    }
}
/**
 * The workspace a run that cannot name it belongs to (a revoked key): the one workspace our
 * open tracking issues name, else the one our most recently closed issue names. Two or more
 * open ones: unknown (an agency repository needs the `workspace-id` input, or `workspaces:`).
 */
async function identifyWorkspace(store, label, me) {
    const named = new Set((await store.listOpen(label))
        .filter((i) => isOurs(i, me) && i.marker.workspaceId !== null)
        .map((i) => i.marker.workspaceId));
    if (named.size > 0)
        return named.size === 1 ? [...named][0] : undefined;
    const closed = await store.findLastClosed(label, null, me);
    return closed?.marker.workspaceId ?? undefined;
}
/** One effect other than `create` (which needs the labels and the race check). */
async function perform(effect, { store, body, comment }) {
    switch (effect.kind) {
        case 'close-duplicate':
            await store.comment(effect.issue, (0,tracking_body/* renderDuplicateComment */.HC)(effect.keep));
            return store.update(effect.issue, { state: 'closed', stateReason: 'duplicate' });
        case 'reopen':
            return store.update(effect.issue, { state: 'open', body: body(false) });
        case 'rewrite':
            return store.update(effect.issue, { body: body(effect.closed) });
        case 'comment':
            await store.comment(effect.issue, comment(effect.about));
            return undefined;
        case 'close':
            return store.update(effect.issue, {
                body: body(false),
                state: 'closed',
                stateReason: 'completed',
            });
    }
}
/** The step an error message names ("… while trying to <step>"). */
function describe(effect) {
    switch (effect.kind) {
        case 'close-duplicate':
            return `close duplicate issue #${effect.issue}`;
        case 'create':
            return effect.closed
                ? 'create a closed issue to count failing runs in'
                : 'create the tracking issue';
        case 'reopen':
            return `reopen issue #${effect.issue}`;
        case 'rewrite':
            return effect.closed
                ? `keep the tracking state in closed issue #${effect.issue}`
                : `update issue #${effect.issue}`;
        case 'comment':
            return effect.about === 'closing'
                ? `close issue #${effect.issue}`
                : effect.about === 'reopened'
                    ? `reopen issue #${effect.issue}`
                    : `update issue #${effect.issue}`;
        case 'close':
            return `close issue #${effect.issue}`;
    }
}
/** The planned state with the trend: the planner decides the issue, the history rides along. */
function withTrend(state, trend) {
    if (!state)
        return null;
    return trend.length > 0 ? { ...state, history: trend } : state;
}


/***/ })

};

//# sourceMappingURL=796.index.js.map