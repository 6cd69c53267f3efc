export const id = 608;
export const ids = [608,215];
export const modules = {

/***/ 6608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMBINED_REPORT_FILE: () => (/* binding */ COMBINED_REPORT_FILE),
  isAgencyRun: () => (/* binding */ isAgencyRun),
  runAgencyAction: () => (/* binding */ runAgencyAction)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/verdict.ts
var verdict = __webpack_require__(687);
// EXTERNAL MODULE: ./src/tracking/body.ts
var body = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/tracking/track.ts + 3 modules
var track = __webpack_require__(4215);
;// CONCATENATED MODULE: ./src/agency/aggregate.ts

const STATUS_RANK = { healthy: 0, degraded: 1, unhealthy: 2, failed: 3 };
function worstStatus(statuses) {
    return statuses.reduce((worst, s) => (STATUS_RANK[s] > STATUS_RANK[worst] ? s : worst), 'healthy');
}
function aggregateOutputs(outcomes, reportPath) {
    const status = worstStatus(outcomes.map((o) => o.report.status));
    let errors = 0;
    let warnings = 0;
    for (const o of outcomes) {
        const counts = (0,format/* countFindings */.Gt)(o.report.findings);
        errors += counts.errors;
        warnings += counts.warnings;
    }
    const withIssue = outcomes.filter((o) => o.issueUrl !== undefined);
    const pick = withIssue.find((o) => o.report.status === status) ??
        [...withIssue].sort((a, b) => STATUS_RANK[b.report.status] - STATUS_RANK[a.report.status])[0];
    return {
        status,
        errors: String(errors),
        warnings: String(warnings),
        regressed: outcomes.some((o) => o.regressed) ? 'true' : 'false',
        'issue-number': pick?.issueNumber === undefined ? '' : String(pick.issueNumber),
        'issue-url': pick?.issueUrl ?? '',
        'report-path': reportPath,
    };
}
/**
 * The file at `report-path` for a multi-workspace run: every workspace's full report (contract
 * section 4) with its tracking issue, under the aggregate status.
 */
function combinedReport(outcomes) {
    return {
        schemaVersion: 1,
        status: worstStatus(outcomes.map((o) => o.report.status)),
        workspaces: outcomes.map((o) => ({
            id: o.id,
            name: o.name,
            status: o.report.status,
            ...(0,format/* countFindings */.Gt)(o.report.findings),
            ...(o.issueNumber === undefined ? {} : { issueNumber: o.issueNumber }),
            ...(o.issueUrl === undefined ? {} : { issueUrl: o.issueUrl }),
            report: o.report,
        })),
    };
}

// EXTERNAL MODULE: ./src/checks/engine.ts + 2 modules
var engine = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/instantly/client.ts + 11 modules
var instantly_client = __webpack_require__(4580);
// EXTERNAL MODULE: ./src/instantly/clock.ts + 1 modules
var clock = __webpack_require__(5795);
// EXTERNAL MODULE: ./src/report/failed.ts
var failed = __webpack_require__(6645);
// EXTERNAL MODULE: ./src/run-health.ts + 2 modules
var run_health = __webpack_require__(4281);
;// CONCATENATED MODULE: ./src/agency/run-workspaces.ts





async function runWorkspaces(settings, workspaces, options = {}) {
    const timeoutMs = settings.timeoutSeconds * 1000;
    const deadline = AbortSignal.timeout(timeoutMs);
    const deadlineAt = Date.now() + timeoutMs;
    const budget = options.budget ??
        new instantly_client/* RateBudget */.Ys({
            rate: settings.rateLimit || instantly_client/* DEFAULT_RATE_LIMIT */.F_,
            maxConcurrency: instantly_client/* DEFAULT_MAX_CONCURRENCY */.zq,
            clock: clock/* systemClock */.m,
        });
    const runs = [];
    for (const entry of workspaces) {
        const startedAt = new Date();
        const own = { ...settings, workspaceId: entry.id };
        let report;
        const client = (0,instantly_client/* createInstantlyClient */.ib)({
            apiKey: settings.apiKey,
            baseUrl: settings.baseUrl,
            workspaceId: entry.id,
            budget,
            signal: deadline,
            deadlineAt,
            ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        });
        try {
            const checked = await (0,engine/* runChecks */.JT)({
                api: client,
                settings: own,
                deadline,
                ...(options.onProgress
                    ? {
                        onProgress: (suite, done, total) => options.onProgress?.(entry.name ?? entry.id, suite, done, total),
                    }
                    : {}),
            });
            report = await (0,run_health/* withRemediation */.K)(checked, client, own, deadline);
        }
        catch (err) {
            // One workspace's crash must not hide the others' results.
            report = (0,failed/* failedReport */.k)({
                cause: 'internal',
                message: `instantly-health stopped unexpectedly on workspace ${entry.id}: ${err instanceof Error ? err.message : String(err)}`,
                remediation: 'Re-run the workflow; if it happens again, open an issue on instantly-health with this message.',
                startedAt,
                finishedAt: new Date(),
            });
        }
        finally {
            await client.close();
        }
        runs.push({ entry, name: entry.name ?? report.workspace?.name ?? entry.id, report });
    }
    return runs;
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var summary = __webpack_require__(3528);
// EXTERNAL MODULE: ./src/tracking/trend.ts
var tracking_trend = __webpack_require__(750);
;// CONCATENATED MODULE: ./src/agency/summary.ts





const bytes = (text) => Buffer.byteLength(text, 'utf8');
function issueCell(row) {
    const url = row.issueUrl === undefined ? undefined : (0,report_escape/* safeUrl */.Pl)(row.issueUrl);
    if (!url)
        return '—';
    return row.issueNumber === undefined ? `[issue](${url})` : `[#${row.issueNumber}](${url})`;
}
function renderOverview(rows) {
    const status = worstStatus(rows.map((r) => r.report.status));
    const tally = ['unhealthy', 'failed', 'degraded', 'healthy']
        .map((s) => [s, rows.filter((r) => r.report.status === s).length])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${format/* STATUS_LABEL */._P[s].toLowerCase()}`)
        .join(', ');
    const lines = [
        `## ${format/* STATUS_EMOJI */.cu[status]} Instantly health: ${rows.length} workspace${rows.length === 1 ? '' : 's'} · ${tally}`,
        '',
        '| Workspace | Status | Errors | Warnings | Tracking issue |',
        '|---|---|---:|---:|---|',
        ...rows.map((r) => {
            const counts = (0,format/* countFindings */.Gt)(r.report.findings);
            const failed = r.report.status === 'failed';
            return `| ${(0,report_escape/* escapeInline */.VV)(r.name, { max: 120 })} | ${format/* STATUS_EMOJI */.cu[r.report.status]} ${format/* STATUS_LABEL */._P[r.report.status]} | ${failed ? '—' : counts.errors} | ${failed ? '—' : counts.warnings} | ${issueCell(r)} |`;
        }),
        '',
        '',
    ];
    return lines.join('\n');
}
function renderAgencySummary(rows, options = {}) {
    const maxBytes = options.maxBytes ?? summary/* SUMMARY_MAX_BYTES */.eR;
    const overview = renderOverview(rows);
    // Our own wrapper text per section (the <details> lines), generously counted.
    const wrapper = 400;
    const share = Math.max(2_000, Math.floor((maxBytes - bytes(overview)) / Math.max(1, rows.length)) - wrapper);
    const sections = rows.map((row) => {
        const trend = (0,tracking_trend/* renderTrendSummary */.KA)(row.trend ?? []);
        const body = (0,summary/* renderSummary */.Br)(row.report, {
            maxBytes: share,
            ...(row.issueUrl ? { issueUrl: row.issueUrl } : {}),
            ...(options.runUrl ? { runUrl: options.runUrl } : {}),
            ...(trend ? { extraSections: [trend] } : {}),
        });
        if (row.report.status !== 'healthy')
            return `${body}\n`;
        // Only our own text and escaped HTML sit inside the raw <summary> block.
        return `<details><summary>${format/* STATUS_EMOJI */.cu.healthy} <b>${(0,report_escape/* escapeHtml */.ZD)(row.name, { max: 120 })}</b>: healthy</summary>\n\n${body}\n</details>\n\n`;
    });
    const out = overview + sections.join('');
    // The shares make this unreachable short of a tiny maxBytes; never write past the limit.
    return bytes(out) <= maxBytes ? out : overview;
}

;// CONCATENATED MODULE: ./src/agency/action.ts












/**
 * The action for `workspaces:` in the config: every listed sub-workspace in one run, one report
 * and one tracking issue each, then one overview. Like the single-workspace action it never
 * throws: a workspace that cannot be checked is a `failed` row, not a crashed step.
 */
const COMBINED_REPORT_FILE = 'instantly-health-report.json';
/** `workspaces` in the config and no `workspace-id` input (which picks one workspace). */
function isAgencyRun(settings) {
    return settings.config.workspaces.length > 0 && settings.workspaceId === undefined;
}
async function runAgencyAction(settings, options = {}) {
    const { github, ...runOptions } = options;
    const runs = await runWorkspaces(settings, settings.config.workspaces, {
        onProgress: (workspace, suite, done, total) => {
            if (done === total)
                core.info(`${workspace} · ${suite}: ${done}/${total} checked`);
        },
        ...runOptions,
    });
    const rows = [];
    const trackingFailures = [];
    for (const run of runs) {
        const tracked = await action_track(settings, run, github);
        if (tracked.failed)
            trackingFailures.push(tracked.failed);
        rows.push({
            id: run.entry.id,
            name: run.name,
            report: run.report,
            regressed: tracked.regressed,
            ...(tracked.issueNumber === undefined ? {} : { issueNumber: tracked.issueNumber }),
            ...(tracked.issueUrl === undefined ? {} : { issueUrl: tracked.issueUrl }),
            ...(tracked.trend ? { trend: tracked.trend } : {}),
        });
    }
    const reportPath = external_node_path_default().join(process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), COMBINED_REPORT_FILE);
    try {
        await (0,promises_.mkdir)(external_node_path_default().dirname(reportPath), { recursive: true });
        await (0,promises_.writeFile)(reportPath, JSON.stringify(combinedReport(rows), null, 2) + '\n');
    }
    catch (err) {
        core.warning(`Could not write the JSON report to ${reportPath}: ${String(err)}`);
    }
    // GitHub shows 10 annotations per level and step: share them between the workspaces.
    const perWorkspace = Math.max(1, Math.floor(annotations/* ANNOTATIONS_PER_LEVEL */.e / Math.max(1, rows.length)));
    for (const row of rows) {
        for (const a of (0,annotations/* planAnnotations */.m)(row.report, { maxPerLevel: perWorkspace })) {
            const log = a.level === 'error' ? core.error : core.warning;
            log(a.message, { title: `${row.name}: ${a.title}` });
        }
    }
    for (const [name, value] of Object.entries(aggregateOutputs(rows, reportPath))) {
        core.setOutput(name, value);
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
        try {
            const runUrl = (0,body/* runUrlFromEnv */.kk)();
            await core.summary.addRaw(renderAgencySummary(rows, runUrl ? { runUrl } : {}), true).write();
        }
        catch (err) {
            core.warning(`Could not write the job summary: ${String(err)}`);
        }
    }
    const failing = rows.filter((r) => (0,verdict/* failsStep */.ug)(r.report, settings.failOn));
    if (failing.length > 0) {
        const list = failing.map((r) => {
            const c = (0,format/* countFindings */.Gt)(r.report.findings);
            return r.report.status === 'failed'
                ? `${r.name} (could not check)`
                : `${r.name} (${r.report.status}: ${c.errors} error(s), ${c.warnings} warning(s))`;
        });
        core.setFailed(`${failing.length} of ${rows.length} Instantly workspaces fail the check: ${list.join('; ')}. See the job summary.`);
    }
    else if (trackingFailures.length > 0) {
        core.setFailed(trackingFailures.join(' '));
    }
}
async function action_track(settings, run, github) {
    const { tracking } = settings;
    const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    if (!tracking.token || !owner || !repo) {
        if (tracking.create)
            core.warning(`${run.name}: no GitHub token or repository: the tracking issue was skipped.`);
        return { regressed: false };
    }
    const runUrl = (0,body/* runUrlFromEnv */.kk)();
    // One issue per workspace, so its title must say which.
    const title = tracking.title
        ? `${tracking.title} (${run.name})`
        : `Instantly health: ${run.name}`;
    const result = await (0,track.trackHealth)({
        report: run.report,
        token: tracking.token,
        repo: { owner, repo },
        labels: tracking.labels,
        assignees: tracking.assignees,
        title: title.slice(0, 256),
        config: tracking.config,
        ...(runUrl ? { runUrl } : {}),
        dryRun: !tracking.create,
        ...(github ? { client: github } : {}),
    });
    for (const warning of result.warnings)
        core.warning(`${run.name}: ${warning}`);
    const out = { regressed: result.regressed };
    if (result.issueNumber !== undefined)
        out.issueNumber = result.issueNumber;
    if (result.issueUrl !== undefined)
        out.issueUrl = result.issueUrl;
    if (result.trend)
        out.trend = result.trend;
    if (result.error) {
        if (tracking.create) {
            core.error(result.error.message, { title: `instantly-health: tracking issue (${run.name})` });
            out.failed = `The tracking issue of ${run.name} could not be updated: ${result.error.message}`;
        }
        else {
            core.warning(`${run.name}: could not read the tracking issue: ${result.error.message}`);
        }
    }
    return out;
}


/***/ }),

/***/ 4215:
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
// EXTERNAL MODULE: ./src/tracking/marker.ts
var marker = __webpack_require__(9043);
;// CONCATENATED MODULE: ./src/tracking/github.ts




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
        marker: (0,marker/* readMarker */.t7)(body),
    };
}
const byAge = (a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number;
class IssueStore {
    octokit;
    repo;
    constructor(octokit, repo) {
        this.octokit = octokit;
        this.repo = repo;
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
    async findLastClosed(label, workspaceId, maxPages = 5) {
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
                .filter((i) => i.marker.workspaceId === workspaceId && i.stateReason !== 'duplicate')
                .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
            if (matching[0])
                return matching[0];
            if (++pages >= maxPages)
                break;
        }
        return null;
    }
    async locate(label, workspaceId) {
        const warnings = [];
        const open = await this.listOpen(label);
        const mine = open.filter((i) => i.marker.workspaceId === workspaceId).sort(byAge);
        let chosen = mine[0] ?? null;
        if (!chosen) {
            // A marker a person broke no longer names its workspace. Reuse such an issue rather than
            // open a second one: one workspace per repository is the common case.
            const unreadable = open.filter((i) => i.marker.workspaceId === null).sort(byAge)[0];
            if (unreadable) {
                chosen = unreadable;
                warnings.push(`issue #${unreadable.number} has the label "${label}" but its tracking state cannot be read (${unreadable.marker.warning ?? 'unknown reason'}); reusing it`);
            }
        }
        else if (chosen.marker.warning) {
            warnings.push(`issue #${chosen.number}: ${chosen.marker.warning}`);
        }
        const lastClosed = chosen ? null : await this.findLastClosed(label, workspaceId);
        return { open: chosen, duplicates: mine.slice(1), lastClosed, warnings };
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

// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
;// CONCATENATED MODULE: ./src/tracking/planner.ts

/** Names and ids from the API can be long; the state keeps enough of them to name a recovery. */
const MAX_STORED_TEXT = 120;
function clip(text) {
    return text.length > MAX_STORED_TEXT ? `${text.slice(0, MAX_STORED_TEXT - 1)}…` : text;
}
/**
 * Suites that could not decide this run (the suite failed, or it reports an `unknown` finding on
 * itself, e.g. it ran out of time). Their errors are missing from the report because nothing was
 * checked, not because they were fixed, so their tracked findings carry over unchanged instead of
 * counting as recovered.
 */
function undecidedSuites(report) {
    const suites = new Set();
    for (const suite of report.suites)
        if (suite.status === 'failed')
            suites.add(suite.name);
    for (const finding of report.findings) {
        if (finding.severity === 'unknown' && finding.resource.type === 'suite') {
            suites.add(finding.suite);
        }
    }
    return suites;
}
function change(fingerprint, tracked) {
    return {
        fingerprint,
        check: tracked.check,
        resource: tracked.resource,
        firstSeen: tracked.firstSeen,
    };
}
/** The most severe finding per fingerprint (a fingerprint should be unique; do not trust it). */
function byFingerprint(findings) {
    const map = new Map();
    for (const finding of findings) {
        const seen = map.get(finding.fingerprint);
        if (!seen || (0,model/* compareSeverity */.zK)(finding.severity, seen.severity) < 0) {
            map.set(finding.fingerprint, finding);
        }
    }
    return map;
}
function nextEntry(previous, finding, config, nowIso) {
    const isError = finding?.severity === 'error';
    // Counters saturate at their threshold: past it the number changes nothing, and a stable
    // state means an unchanged marker, so a quiet run writes nothing.
    const errorRuns = isError
        ? Math.min((previous?.errorRuns ?? 0) + 1, config.failure_threshold)
        : 0;
    const cleanRuns = isError
        ? 0
        : Math.min((previous?.cleanRuns ?? 0) + 1, config.success_threshold);
    // A confirmed error stays confirmed while it fails again (flapping inside an outage) and
    // until it has been clean for `success_threshold` runs in a row.
    const confirmed = isError
        ? errorRuns >= config.failure_threshold || previous?.confirmed === true
        : previous?.confirmed === true && cleanRuns < config.success_threshold;
    if (!finding && !confirmed)
        return null;
    return {
        check: finding?.check ?? previous?.check ?? '',
        suite: finding?.suite ?? previous?.suite ?? '',
        severity: finding?.severity ?? previous?.severity ?? 'error',
        resource: finding
            ? {
                type: finding.resource.type,
                id: clip(finding.resource.id),
                ...(finding.resource.name === undefined ? {} : { name: clip(finding.resource.name) }),
            }
            : (previous?.resource ?? { type: 'workspace', id: '' }),
        firstSeen: previous?.firstSeen ?? nowIso,
        errorRuns,
        cleanRuns,
        confirmed,
    };
}
function plan(previous, report, config, now, context) {
    const nowIso = now.toISOString();
    const workspaceId = report.workspace?.id ?? previous?.workspaceId;
    // A `failed` report means nothing could be checked (bad key, API unreachable…): it says
    // nothing about whether the errors were fixed or new ones appeared. Opening would page people
    // for our own outage, closing would declare a recovery nobody saw, and counting the run would
    // bend the thresholds; so the previous state carries over untouched and the issue is left as is.
    if (report.status === 'failed' || workspaceId === undefined) {
        return {
            action: 'none',
            nextState: previous,
            regressed: false,
            newErrors: [],
            recovered: [],
            stillFailing: Object.values(previous?.findings ?? {}).filter((f) => f.confirmed).length,
            outage: { startedAt: previous?.outageStartedAt ?? null, durationMs: null },
            reason: report.status === 'failed'
                ? 'the run could not check the workspace; state carried over'
                : 'the report names no workspace; nothing to track',
        };
    }
    const before = previous?.findings ?? {};
    const current = byFingerprint(report.findings);
    const undecided = undecidedSuites(report);
    const findings = {};
    for (const fingerprint of new Set([...Object.keys(before), ...current.keys()])) {
        const was = before[fingerprint];
        const finding = current.get(fingerprint);
        if (!finding && was && undecided.has(was.suite)) {
            findings[fingerprint] = was;
            continue;
        }
        const entry = nextEntry(was, finding, config, nowIso);
        if (entry)
            findings[fingerprint] = entry;
    }
    const regressed = [...current.values()].some((f) => f.severity === 'error' && !((before[f.fingerprint]?.errorRuns ?? 0) > 0));
    const anyError = Object.values(findings).some((f) => f.errorRuns > 0);
    const passingRuns = anyError
        ? 0
        : Math.min((previous?.passingRuns ?? 0) + 1, config.success_threshold);
    const newErrors = Object.entries(findings)
        .filter(([fp, f]) => f.confirmed && before[fp]?.confirmed !== true)
        .map(([fp, f]) => change(fp, f));
    const recovered = Object.entries(before)
        .filter(([fp, f]) => f.confirmed && findings[fp]?.confirmed !== true)
        .map(([fp, f]) => change(fp, f));
    const confirmed = Object.values(findings).filter((f) => f.confirmed);
    const earliest = confirmed.map((f) => f.firstSeen).sort()[0];
    // A broken marker lost the outage's start; the open issue's creation is the best estimate.
    const recordedStart = previous?.outageStartedAt ??
        (previous === null && context.hasOpenIssue ? context.openIssueCreatedAt : undefined);
    const outageStartedAt = confirmed.length > 0 ? (recordedStart ?? earliest ?? nowIso) : null;
    const nextState = { workspaceId, outageStartedAt, passingRuns, findings };
    const endedOutageStart = previous?.outageStartedAt ?? context.openIssueCreatedAt ?? null;
    const base = { nextState, regressed, newErrors, recovered, stillFailing: confirmed.length };
    if (!context.hasOpenIssue) {
        if (newErrors.length > 0) {
            return {
                ...base,
                action: context.recentlyClosed ? 'reopen' : 'create',
                outage: { startedAt: outageStartedAt, durationMs: null },
                reason: `${newErrors.length} error(s) reached failure_threshold ${config.failure_threshold}`,
            };
        }
        // Includes an issue a person closed while its errors persist: respect that until the set
        // of errors changes.
        return {
            ...base,
            action: 'none',
            outage: { startedAt: outageStartedAt, durationMs: null },
            reason: confirmed.length > 0 ? 'no new error; the issue stays closed' : 'no confirmed error',
        };
    }
    if (config.close_on_recovery &&
        confirmed.length === 0 &&
        passingRuns >= config.success_threshold) {
        const durationMs = endedOutageStart === null ? null : Math.max(0, now.getTime() - Date.parse(endedOutageStart));
        return {
            ...base,
            action: 'close',
            outage: {
                startedAt: endedOutageStart,
                durationMs: Number.isNaN(durationMs) ? null : durationMs,
            },
            reason: `no error for ${passingRuns} run(s) (success_threshold ${config.success_threshold})`,
        };
    }
    const changed = newErrors.length > 0 || recovered.length > 0;
    return {
        ...base,
        action: changed ? 'comment-and-update' : 'update',
        outage: { startedAt: outageStartedAt ?? endedOutageStart, durationMs: null },
        reason: changed
            ? `the set of errors changed (+${newErrors.length} −${recovered.length})`
            : 'nothing changed; the body is refreshed',
    };
}

// EXTERNAL MODULE: ./src/tracking/trend.ts
var tracking_trend = __webpack_require__(750);
;// CONCATENATED MODULE: ./src/tracking/track.ts





const DAY_MS = 86_400_000;
const DEFAULT_LABEL = 'instantly-health';
/** The parts of the state that decide opening and closing (what a closed issue must keep). */
function thresholdPart(state) {
    if (!state)
        return '';
    const counting = Object.entries(state.findings).filter(([, f]) => f.errorRuns > 0 || f.confirmed);
    return JSON.stringify([state.outageStartedAt, state.passingRuns, counting]);
}
async function trackHealth(options) {
    const warnings = [];
    const { report, repo, config } = options;
    const now = options.now ?? new Date();
    const labels = options.labels.map((l) => l.trim()).filter(Boolean);
    if (labels.length === 0)
        labels.push(DEFAULT_LABEL);
    const label = labels[0] ?? DEFAULT_LABEL;
    const workspaceId = report.workspace?.id;
    if (!workspaceId) {
        // A `failed` run names no workspace; without one there is no issue to look at.
        return { regressed: false, action: 'none', warnings };
    }
    const store = new IssueStore(createGitHubClient(options.token, options.client), repo);
    let step = 'read the tracking issue';
    let result = {};
    let planned;
    let trend = [];
    try {
        const found = await store.locate(label, workspaceId);
        warnings.push(...found.warnings);
        if (found.open)
            result = { issueNumber: found.open.number, issueUrl: found.open.htmlUrl };
        const holder = found.open ?? found.lastClosed;
        const previous = holder?.marker.state?.workspaceId === workspaceId ? holder.marker.state : null;
        const recentlyClosed = found.lastClosed?.closedAt != null &&
            now.getTime() - Date.parse(found.lastClosed.closedAt) < DAY_MS;
        planned = plan(previous, report, config, now, {
            hasOpenIssue: found.open !== null,
            recentlyClosed,
            ...(found.open ? { openIssueCreatedAt: found.open.createdAt } : {}),
        });
        trend = (0,tracking_trend/* appendTrend */.K8)(previous?.history, (0,tracking_trend/* trendPoint */.I)(report));
        if (options.dryRun) {
            return { regressed: planned.regressed, action: planned.action, warnings, trend, ...result };
        }
        for (const duplicate of found.duplicates) {
            step = `close duplicate issue #${duplicate.number}`;
            await closeDuplicate(store, duplicate, found.open?.number ?? duplicate.number);
        }
        const state = withTrend(planned.nextState, trend);
        const body = (closed = false) => state
            ? (0,tracking_body/* renderIssueBody */.Yx)({
                report,
                state,
                now,
                closed,
                ...(options.runUrl ? { runUrl: options.runUrl } : {}),
            })
            : '';
        const open = found.open;
        switch (planned.action) {
            case 'create': {
                step = 'create the tracking issue';
                await store.ensureLabels(labels);
                const created = await store.create({
                    title: options.title,
                    body: body(),
                    labels,
                    assignees: options.assignees,
                });
                warnings.push(...created.warnings);
                step = 'check for a duplicate tracking issue';
                const kept = await settleRace(store, label, workspaceId, created.issue);
                result = { issueNumber: kept.number, issueUrl: kept.htmlUrl };
                break;
            }
            case 'reopen': {
                const closed = found.lastClosed;
                if (!closed)
                    break;
                step = `reopen issue #${closed.number}`;
                const reopened = await store.update(closed.number, { state: 'open', body: body() });
                await store.comment(closed.number, (0,tracking_body/* renderChangeComment */.ok)(planned, report, options.runUrl, true));
                result = { issueNumber: reopened.number, issueUrl: reopened.htmlUrl };
                break;
            }
            case 'update':
            case 'comment-and-update': {
                if (!open)
                    break;
                step = `update issue #${open.number}`;
                await store.update(open.number, { body: body() });
                if (planned.action === 'comment-and-update') {
                    await store.comment(open.number, (0,tracking_body/* renderChangeComment */.ok)(planned, report, options.runUrl));
                }
                break;
            }
            case 'close': {
                if (!open)
                    break;
                step = `close issue #${open.number}`;
                await store.comment(open.number, (0,tracking_body/* renderClosingComment */.HF)(planned, options.runUrl));
                await store.update(open.number, {
                    body: body(),
                    state: 'closed',
                    stateReason: 'completed',
                });
                break;
            }
            case 'none': {
                if (open || !state || report.status === 'failed')
                    break;
                const counting = thresholdPart(state) !== thresholdPart(found.lastClosed?.marker.state ?? null);
                // The trend goes on while the workspace is healthy: the closed issue keeps it, so the
                // chart of the next outage shows the quiet runs before it too.
                const trending = found.lastClosed !== null &&
                    JSON.stringify(state.history ?? []) !==
                        JSON.stringify(found.lastClosed.marker.state?.history ?? []);
                if (!counting && !trending)
                    break;
                // failure_threshold > 1 counts failing runs before anything opens, and the only place
                // a scheduled workflow keeps state is an issue body. A closed tracking issue keeps it
                // silently (editing a body notifies nobody).
                if (found.lastClosed) {
                    step = `keep the tracking state in closed issue #${found.lastClosed.number}`;
                    await store.update(found.lastClosed.number, { body: body(true) });
                }
                else if (Object.values(state.findings).some((f) => f.errorRuns > 0)) {
                    // No issue exists yet to count in: create it closed, once per repository.
                    step = 'create a closed issue to count failing runs in';
                    await store.ensureLabels(labels);
                    const holder = await store.create({
                        title: options.title,
                        body: body(true),
                        labels,
                        assignees: [],
                    });
                    await store.update(holder.issue.number, { state: 'closed', stateReason: 'not_planned' });
                    warnings.push(`created issue #${holder.issue.number} closed, to count failing runs toward failure_threshold ${config.failure_threshold}; it reopens when the threshold is reached`);
                }
                break;
            }
        }
        return { regressed: planned.regressed, action: planned.action, warnings, trend, ...result };
    }
    catch (err) {
        return {
            regressed: planned?.regressed ?? false,
            action: planned?.action ?? 'none',
            warnings,
            trend,
            ...result,
            error: toTrackingError(err, repo, step),
        };
    }
}
/** The planned state with the trend: the planner decides the issue, the history rides along. */
function withTrend(state, trend) {
    if (!state)
        return null;
    return trend.length > 0 ? { ...state, history: trend } : state;
}
async function closeDuplicate(store, duplicate, keptNumber) {
    if (duplicate.number === keptNumber)
        return;
    await store.comment(duplicate.number, (0,tracking_body/* renderDuplicateComment */.HC)(keptNumber));
    await store.update(duplicate.number, { state: 'closed', stateReason: 'duplicate' });
}
/**
 * Two runs can both find no issue and both create one. After creating, list again: the oldest
 * open issue for the workspace wins, and every run closes the others, so whatever the
 * interleaving, one stays open.
 */
async function settleRace(store, label, workspaceId, created) {
    const open = (await store.listOpen(label))
        .filter((i) => i.marker.workspaceId === workspaceId)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
    const kept = open[0] ?? created;
    for (const other of open.slice(1)) {
        if (other.number === created.number)
            await closeDuplicate(store, other, kept.number);
    }
    return kept;
}


/***/ })

};

//# sourceMappingURL=608.index.js.map