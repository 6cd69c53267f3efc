export const id = 523;
export const ids = [523];
export const modules = {

/***/ 8523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish),
  reportForError: () => (/* binding */ reportForError)
});

// UNUSED EXPORTS: ISSUE_TITLE_MAX, REPORT_FILE, TRACKING_GRACE_SECONDS, issueTitle, reportPathFor

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/report/annotations.ts


/**
 * Annotations for the run page: one per finding, planned purely here and emitted by the action
 * glue (`core.error` / `core.warning` with `{ title }`).
 *
 * GitHub displays at most 10 error and 10 warning annotations per step (and 50 per job); further
 * ones are dropped silently. Sources: "Limitation: 10 warning annotations and 10 error
 * annotations per step, 50 annotations per job"
 * (https://github.com/orgs/community/discussions/26680, and reviewdog's notice quoting
 * https://github.community/t5/GitHub-Actions/Maximum-number-of-annotations-that-can-be-created-using-GitHub/m-p/39085).
 * So when a level has more, the last visible slot counts the rest instead of dropping them
 * silently.
 */
const ANNOTATIONS_PER_LEVEL = 10;
// Annotation text is plain text (not markdown) but must not carry control characters into the
// log or the UI; titles show on one line.
const TITLE_MAX = 200;
const MESSAGE_MAX = 1_000;
function planAnnotations(report, options = {}) {
    const max = Math.max(1, Math.floor(options.maxPerLevel ?? ANNOTATIONS_PER_LEVEL));
    const errors = [];
    const warnings = [];
    if (report.status === 'failed') {
        errors.push({
            level: 'error',
            title: 'instantly-health could not check the workspace',
            message: report.failure
                ? `${(0,report_escape/* escapeTerminal */.en)(report.failure.message, { max: MESSAGE_MAX })} Fix: ${(0,report_escape/* escapeTerminal */.en)(report.failure.remediation, { max: MESSAGE_MAX })}`
                : 'The run stopped before any check could decide. See the job summary.',
        });
    }
    for (const f of (0,format/* sortFindings */.Tc)(report.findings)) {
        // `unknown` (the check could not decide) is not an error of the workspace: a warning.
        (f.severity === 'error' ? errors : warnings).push(annotationOf(f));
    }
    return [...capped(errors, 'error', max), ...capped(warnings, 'warning', max)];
}
function annotationOf(f) {
    const resource = f.resource.name ?? f.resource.id;
    return {
        level: f.severity === 'error' ? 'error' : 'warning',
        title: (0,report_escape/* escapeTerminal */.en)(`${f.check}: ${f.resource.type} ${resource}`, { max: TITLE_MAX }),
        message: (0,report_escape/* escapeTerminal */.en)(`${f.message} Fix: ${f.remediation}`, { max: MESSAGE_MAX }),
    };
}
function capped(list, level, max) {
    if (list.length <= max)
        return list;
    const shown = list.slice(0, max - 1);
    const rest = list.length - shown.length;
    const noun = level === 'error' ? 'error' : 'warning';
    return [
        ...shown,
        {
            level,
            title: `${(0,format/* plural */.LS)(rest, `more ${noun}`, `more ${noun}s`)} not annotated`,
            message: `GitHub shows only ${max} ${noun} annotations per step. The job summary and the JSON report list all ${list.length.toLocaleString('en-US')}.`,
        },
    ];
}

// EXTERNAL MODULE: ./src/report/blind.ts
var report_blind = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/report/failed.ts
var failed = __webpack_require__(6645);
// EXTERNAL MODULE: ./src/model/report.ts
var model_report = __webpack_require__(5235);
;// CONCATENATED MODULE: ./src/report/json.ts

/**
 * The JSON report of contract section 4 (`report-path`, `--format json`). Strings from the API are
 * stored as received: escaping belongs to the renderers that show them. The report is passed
 * through the schema so defaults are filled in and nothing outside the contract leaks into the
 * file; should it not match (a bug upstream), it is written as given rather than lost.
 */
function renderJson(report) {
    const parsed = model_report/* Report */.pl.safeParse(report);
    return JSON.stringify(parsed.success ? parsed.data : report, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/report/outputs.ts

/** The action's outputs, exactly as contract section 1 lists them. */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'status',
    'errors',
    'warnings',
    'regressed',
    'issue-number',
    'issue-url',
    'report-path',
]));
/**
 * Every output as the string `core.setOutput` writes. `errors` and `warnings` count findings of
 * exactly that severity (`unknown` findings are in neither; they make the status `degraded`).
 * Silenced findings are not counted. With no tracking outcome, `regressed` is `false` and the
 * issue outputs are empty.
 */
function actionOutputs(report, tracking, reportPath) {
    const counts = (0,format/* countFindings */.Gt)(report.findings);
    return {
        status: report.status,
        errors: String(counts.errors),
        warnings: String(counts.warnings),
        regressed: tracking?.regressed === true ? 'true' : 'false',
        'issue-number': tracking?.issueNumber === undefined ? '' : String(tracking.issueNumber),
        'issue-url': tracking?.issueUrl ?? '',
        'report-path': reportPath,
    };
}

// EXTERNAL MODULE: ./src/report/remediation.ts
var report_remediation = __webpack_require__(3791);
// EXTERNAL MODULE: ./src/report/actions.ts
var actions = __webpack_require__(9493);
;// CONCATENATED MODULE: ./src/report/senders.ts
/**
 * The one line about senders both the job summary and the CLI text open with:
 * "Sending health: 11 senders — 9 green, 1 watch (…), 1 burning (…)". Green senders are a count;
 * watch and burning name their senders and why, a few at most. `escape` is the renderer's own
 * escaping function for API text (an email) and short phrases (the reasons).
 */
/** Senders named per group; the rest are counted ("and 4 more"). */
const SENDERS_NAMED = 3;
function describeSenders(summary, escape) {
    const { total, green, watch, burning } = summary;
    if (total === 0)
        return 'Sending health: no sender in scope';
    const parts = [`${green.toLocaleString('en-US')} green`];
    if (watch.length > 0)
        parts.push(`${count(watch)} watch (${named(watch, escape)})`);
    if (burning.length > 0)
        parts.push(`${count(burning)} burning (${named(burning, escape)})`);
    const noun = total === 1 ? 'sender' : 'senders';
    return `Sending health: ${total.toLocaleString('en-US')} ${noun} — ${parts.join(', ')}`;
}
function count(notes) {
    return notes.length.toLocaleString('en-US');
}
function named(notes, escape) {
    const shown = notes.slice(0, SENDERS_NAMED).map((n) => {
        const reasons = n.reasons.slice(0, 3).map(escape).join(', ');
        return reasons === '' ? escape(n.email) : `${escape(n.email)}: ${reasons}`;
    });
    const rest = notes.length - shown.length;
    if (rest > 0)
        shown.push(`and ${rest.toLocaleString('en-US')} more`);
    return shown.join('; ');
}

;// CONCATENATED MODULE: ./src/report/summary.ts





/**
 * GitHub refuses a step summary over 1024 KiB ("$GITHUB_STEP_SUMMARY upload aborted, supports
 * content up to a size of 1024k"). We stay under 1,000,000 bytes, which leaves room for anything
 * else the step appends.
 */
const SUMMARY_MAX_BYTES = 1_000_000;
const SUMMARY_MAX_ROWS = 1_000;
// Caps per cell, in code points, so one huge API string cannot crowd out every other row.
const CAP = { name: 120, id: 64, message: 600, fix: 600, detail: 200, failure: 2_000 };
// Room kept for the line that says how many rows were cut.
const CUT_LINE_RESERVE = 400;
function renderSummary(report, options = {}) {
    const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
    const maxRows = options.maxRows ?? SUMMARY_MAX_ROWS;
    const todos = (0,actions/* toDoList */.RW)(report.findings);
    const head = [
        statusLine(report),
        ...failureSection(report),
        ...trackingSection(options),
        ...whatToDoFirst(todos),
        ...sendersLine(report),
    ].join('\n\n') + '\n\n';
    const suites = suitesSection(report);
    const footer = footerSection(report, options);
    const remediation = (0,report_remediation/* renderRemediationMarkdown */.B5)(report.remediation);
    const extra = (options.extraSections ?? []).join('');
    const fixed = bytes(head) + bytes(suites) + bytes(footer) + bytes(remediation) + bytes(extra);
    // The problems table comes first in reading order and gets the budget first; silenced findings
    // (folded away, already out of the counts) get what remains.
    const problems = problemsSection(report, todos, maxBytes - fixed - CUT_LINE_RESERVE, maxRows);
    const silenced = silencedSection(report.silenced, maxBytes - fixed - bytes(problems) - CUT_LINE_RESERVE, maxRows);
    const out = head + problems + remediation + suites + silenced + extra + footer;
    return bytes(out) <= maxBytes ? out : hardCut(out, maxBytes);
}
/** The CLI's `--format markdown` is the job summary. */
const renderMarkdown = (/* unused pure expression or super */ null && (renderSummary));
function statusLine(report) {
    const counts = (0,format/* countFindings */.Gt)(report.findings);
    const parts = [];
    if (report.status === 'failed')
        parts.push('could not check the workspace');
    else
        parts.push((0,format/* describeCounts */.wv)(counts));
    if (report.workspace)
        parts.push((0,report_escape/* escapeInline */.VV)(report.workspace.name, { max: CAP.name }));
    const ms = (0,format/* runDurationMs */.sW)(report);
    if (ms !== undefined)
        parts.push((0,format/* formatDuration */.a3)(ms));
    const label = `${format/* STATUS_EMOJI */.cu[report.status]} ${format/* STATUS_LABEL */._P[report.status]}`;
    return `## ${label}: ${parts.join(' · ')}`;
}
/** Sending health, right under the status: the line people read first about their senders. */
function sendersLine(report) {
    if (!report.senders)
        return [];
    return [describeSenders(report.senders, (t) => (0,report_escape/* escapeInline */.VV)(t, { max: CAP.name }))];
}
function failureSection(report) {
    if (report.status !== 'failed')
        return [];
    const failure = report.failure;
    if (!failure) {
        return [
            '**What happened:** the run stopped before any check could decide.',
            '**Fix:** read the step log for the error, fix it, and run again.',
        ];
    }
    return [
        `**What happened:** ${(0,report_escape/* escapeInline */.VV)(failure.message, { max: CAP.failure })} (${(0,report_escape/* escapeCode */.tn)(failure.cause, { table: false, max: CAP.id })})`,
        `**Fix:** ${(0,report_escape/* escapeInline */.VV)(failure.remediation, { max: CAP.failure })}`,
    ];
}
// A reader looking for the issue finds here why there is none, not only in the step log.
function trackingSection(options) {
    if (options.trackingError === undefined)
        return [];
    return [
        `**Tracking issue not updated:** ${(0,report_escape/* escapeInline */.VV)(options.trackingError, { max: CAP.failure })}`,
    ];
}
/**
 * The top of the to-do list, one line each: the resource, its lead problem, the fix and where to
 * make it in Instantly. The table below has every problem.
 */
function whatToDoFirst(todos) {
    if (todos.length === 0)
        return [];
    const items = todos.slice(0, actions/* WHAT_TO_DO_FIRST */.UU).map((todo, i) => {
        const [lead] = todo.findings;
        const more = todo.findings.length - 1;
        const related = more > 0 ? ` (+${(0,format/* plural */.LS)(more, 'more problem')})` : '';
        const fix = todo.fixes.map((f) => (0,report_escape/* escapeInline */.VV)(f, { max: CAP.fix, table: false })).join(' ');
        const link = todo.link ? ` ${linkMarkdown(todo.link)}` : '';
        return (`${i + 1}. ${format/* SEVERITY_EMOJI */.xp[todo.severity]} ${todo.resource.type} **${resourceName(todo.resource, false)}**: ` +
            `${(0,report_escape/* escapeInline */.VV)(lead?.message ?? '', { max: CAP.message, table: false })}${related} ` +
            `**Fix:** ${fix}${link}`);
    });
    const rest = todos.length - items.length;
    if (rest > 0)
        items.push('', `_${(0,format/* plural */.LS)(rest, 'more resource')} with problems in the table below._`);
    return ['### What to do first', items.join('\n')];
}
function problemsSection(report, todos, budget, maxRows) {
    if (report.findings.length === 0) {
        return report.status === 'failed' ? '' : 'No problems found.\n\n';
    }
    return renderToDoTable(todos, budget, maxRows) + '\n';
}
/**
 * The problems table alone, one row per resource (severity, resource, its problems, the fix for
 * each cause), ranked, cut to `maxBytes` UTF-8 bytes with a line counting what was left out.
 * Reusable where space is tight (65,536 characters: a byte budget is conservative, as UTF-8 bytes
 * ≥ UTF-16 units).
 */
function renderProblemsTable(findings, maxBytes, maxRows = SUMMARY_MAX_ROWS) {
    return renderToDoTable(toDoList(findings), maxBytes, maxRows);
}
function renderToDoTable(todos, maxBytes, maxRows) {
    return fitTable('| Severity | Resource | Problems | Fix |\n|---|---|---|---|\n', todos, toDoRow, maxBytes - CUT_LINE_RESERVE, maxRows, 'resource', (rest) => (0,format/* describeCounts */.wv)((0,format/* countFindings */.Gt)(rest.flatMap((t) => t.findings))));
}
function toDoRow(todo) {
    const severity = `${format/* SEVERITY_EMOJI */.xp[todo.severity]} ${todo.severity}`;
    const several = todo.findings.length > 1;
    const problems = todo.findings
        .map((f) => `${several ? `${format/* SEVERITY_EMOJI */.xp[f.severity]} ` : ''}${(0,report_escape/* escapeInline */.VV)(f.message, { max: CAP.message })} ${(0,report_escape/* escapeCode */.tn)(f.check, { max: CAP.id })}`)
        .join('<br>');
    const fixes = todo.fixes.map((f, i) => {
        const text = (0,report_escape/* escapeInline */.VV)(f, { max: CAP.fix });
        return todo.fixes.length > 1 ? `${i + 1}\\. ${text}` : text;
    });
    const link = todo.link ? `<br>${linkMarkdown(todo.link)}` : '';
    return `| ${severity} | ${resourceCell(todo)}${link} | ${problems} | ${fixes.join('<br>')} |\n`;
}
/** A link we build to the Instantly app (never a URL from the API). */
function linkMarkdown(link) {
    const url = (0,report_escape/* safeUrl */.Pl)(link.url);
    return url ? `[Open ${link.label} in Instantly](${url})` : '';
}
/** The resource's name, or its id in a code span when it has none or the name is the id. */
function resourceName(resource, table = true) {
    const { id, name } = resource;
    return name !== undefined && name.trim() !== '' && name !== id
        ? (0,report_escape/* escapeInline */.VV)(name, { max: CAP.name, table })
        : (0,report_escape/* escapeCode */.tn)(id, { max: CAP.id, table });
}
function resourceCell(f) {
    const { type, id, name } = f.resource;
    const label = name !== undefined && name.trim() !== '' && name !== id
        ? `${(0,report_escape/* escapeInline */.VV)(name, { max: CAP.name })} `
        : '';
    return `${type} ${label}${(0,report_escape/* escapeCode */.tn)(id, { max: CAP.id })}`;
}
/**
 * The rows that fit in `budget` bytes (and `maxRows`), then one line saying how many were left
 * out and where they are.
 */
function fitTable(header, items, render, budget, maxRows, noun, breakdown) {
    let out = header;
    let used = bytes(header);
    let shown = 0;
    // Rows are escaped only while they fit: with 10,000 findings most are never rendered.
    for (const item of items) {
        if (shown >= maxRows)
            break;
        const row = render(item);
        const size = bytes(row);
        if (used + size > budget)
            break;
        out += row;
        used += size;
        shown += 1;
    }
    const omitted = items.length - shown;
    if (shown === 0)
        out = '';
    if (omitted > 0) {
        const lead = shown === 0
            ? `${(0,format/* plural */.LS)(omitted, noun)} not shown`
            : `${(0,format/* plural */.LS)(omitted, `more ${noun}`, `more ${noun}s`)} not shown`;
        const detail = breakdown ? ` (${breakdown(items.slice(shown))})` : '';
        out += `\n_${lead}${detail} here, to keep this summary readable and under GitHub's size limit; the JSON report lists them all._\n`;
    }
    return out;
}
function suitesSection(report) {
    if (report.suites.length === 0)
        return '';
    return '### Suites\n\n' + report.suites.map((s) => suiteBlock(s, report.findings)).join('');
}
function suiteBlock(suite, findings) {
    const own = findings.filter((f) => f.suite === suite.name);
    const facts = [
        format/* STATUS_LABEL */._P[suite.status].toLowerCase(),
        `${suite.checked.toLocaleString('en-US')} checked`,
    ];
    if (own.length > 0)
        facts.push((0,format/* describeCounts */.wv)((0,format/* countFindings */.Gt)(own)));
    facts.push((0,format/* formatDuration */.a3)(suite.durationMs));
    // Only our own text (enum names, numbers) sits inside the raw HTML block.
    const summaryLine = `<details><summary>${format/* STATUS_EMOJI */.cu[suite.status]} <b>${suite.name}</b>: ${facts.filter(Boolean).join(' · ')}</summary>\n\n`;
    const lines = suite.details.slice(0, 20).map((d) => `- ${(0,report_escape/* escapeInline */.VV)(d, { max: CAP.detail })}`);
    if (suite.details.length > 20)
        lines.push(`- … ${(0,format/* plural */.LS)(suite.details.length - 20, 'more line')}`);
    const byCheck = new Map();
    for (const f of own)
        byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
    const checks = [...byCheck.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .slice(0, 50)
        .map(([check, n]) => `${(0,report_escape/* escapeCode */.tn)(check, { table: false, max: CAP.id })} ×${n}`);
    if (checks.length > 0)
        lines.push(`- Findings by check: ${checks.join(', ')}`);
    if (lines.length === 0)
        lines.push('- Nothing to report.');
    return `${summaryLine}${lines.join('\n')}\n\n</details>\n\n`;
}
function silencedSection(silenced, budget, maxRows) {
    if (silenced.length === 0)
        return '';
    const row = (f) => `| ${format/* SEVERITY_EMOJI */.xp[f.severity]} ${f.severity} | ${resourceCell(f)} | ${(0,report_escape/* escapeInline */.VV)(f.message, { max: CAP.message })} ${(0,report_escape/* escapeCode */.tn)(f.check, { max: CAP.id })} | ${(0,report_escape/* escapeInline */.VV)(f.silencedUntil, { max: 40 })} | ${(0,report_escape/* escapeInline */.VV)(f.reason ?? '', { max: CAP.detail })} |\n`;
    const summaryLine = `<details><summary>🔕 ${(0,format/* plural */.LS)(silenced.length, 'silenced finding')} (not counted)</summary>\n\n`;
    const table = fitTable('| Severity | Resource | Problem | Silenced until | Reason |\n|---|---|---|---|---|\n', (0,format/* sortFindings */.Tc)(silenced), row, budget - bytes(summaryLine) - 20, maxRows, 'silenced finding');
    return `${summaryLine}${table}\n</details>\n\n`;
}
function footerSection(report, options) {
    const { stats } = report;
    const parts = [
        (0,format/* plural */.LS)(stats.requests, 'request'),
        (0,format/* plural */.LS)(stats.retries, 'retry', 'retries'),
        `${stats.rateLimited.toLocaleString('en-US')} rate-limited (429)`,
    ];
    if (stats.waitMs > 0)
        parts.push(`waited ${(0,format/* formatDuration */.a3)(stats.waitMs)}`);
    const links = [];
    const issue = options.issueUrl === undefined ? undefined : (0,report_escape/* safeUrl */.Pl)(options.issueUrl);
    if (issue)
        links.push(`[Tracking issue](${issue})`);
    const run = options.runUrl === undefined ? undefined : (0,report_escape/* safeUrl */.Pl)(options.runUrl);
    if (run)
        links.push(`[Run](${run})`);
    const tool = `${(0,report_escape/* escapeInline */.VV)(report.tool.name, { max: 60 })} ${(0,report_escape/* escapeInline */.VV)(report.tool.version, { max: 30 })}`;
    return `---\n\n${[parts.join(' · '), ...links, tool].join(' · ')}\n`;
}
/** Last resort when even the fixed parts exceed `maxBytes` (an absurdly small limit). */
function hardCut(markdown, maxBytes) {
    const note = '\n\n_Summary cut to fit the size limit; the JSON report has everything._\n';
    if (maxBytes < bytes(note))
        return '';
    const room = maxBytes - bytes(note);
    const buf = Buffer.from(markdown, 'utf8').subarray(0, room);
    let text = buf.toString('utf8');
    // Drop a partial character and the partial line, so no table row or escape is left half-written.
    text = text.replace(/\uFFFD$/, '');
    const lastLine = text.lastIndexOf('\n');
    text = lastLine >= 0 ? text.slice(0, lastLine) : '';
    return text + note;
}
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}

// EXTERNAL MODULE: ./src/report/verdict.ts
var verdict = __webpack_require__(687);
// EXTERNAL MODULE: ./src/tracking/body.ts
var body = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/tracking/trend.ts
var tracking_trend = __webpack_require__(750);
;// CONCATENATED MODULE: ./src/publish/aggregate.ts

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

// EXTERNAL MODULE: ./src/net/proxy.ts
var proxy = __webpack_require__(1987);
;// CONCATENATED MODULE: ./src/publish/heartbeat.ts


/** Pings after a run of these reports: `<url>` when every one could check everything. */
function heartbeatAfter(url, reports, options = {}) {
    const sawAll = reports.every((r) => (0,report_blind/* blindSuites */.v)(r).length === 0);
    return pingHeartbeat(url, sawAll, options);
}
function heartbeatTarget(url, ok) {
    return ok ? url : `${url.replace(/\/+$/, '')}/fail`;
}
/** Returns a warning when the ping did not get a 2xx answer after one retry; never throws. */
async function pingHeartbeat(url, ok, options = {}) {
    const send = options.fetch ?? (0,proxy/* createProxyFetch */.v)();
    const target = heartbeatTarget(url, ok);
    let last = '';
    for (let attempt = 0; attempt < 2; attempt++) {
        if (attempt > 0)
            await new Promise((r) => setTimeout(r, options.retryDelayMs ?? 1000));
        try {
            const response = await send(target, {
                method: 'GET',
                signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
                redirect: 'follow',
            });
            // Drain the body so the connection is released; its content does not matter.
            await response.arrayBuffer().catch(() => undefined);
            if (response.ok)
                return undefined;
            last = `it answered ${response.status}`;
        }
        catch (err) {
            last =
                err instanceof Error && err.name === 'TimeoutError'
                    ? 'it did not answer in time'
                    : 'it could not be reached';
        }
    }
    return `The heartbeat ping (heartbeat-url) failed: ${last}, after one retry. The run's result is unaffected; check the URL and that the runner can reach it.`;
}

;// CONCATENATED MODULE: ./src/tracking/events.ts
/**
 * What a run tells people outside GitHub (contract section 7), derived from the tracking plan
 * alone: a notification goes out exactly when the tracking issue gets a comment or changes state,
 * so chat and issue never disagree. Pure; a notifier formats an event and never decides.
 */
const NOTIFICATION_EVENTS = [
    'regressed',
    'changed',
    'recovered',
    'blind',
    'unblind',
];
/**
 * The events of one run, at most one for findings and one for blind checking, in that order.
 * With `create-issue: false` the plan is the one that would have been carried out, so the events
 * are the same as if it had been.
 */
function notificationEvents(plan) {
    const events = [];
    switch (plan.action) {
        case 'create':
        case 'reopen':
            events.push('regressed');
            break;
        case 'comment-and-update':
            events.push('changed');
            break;
        case 'close':
            events.push('recovered');
            break;
        case 'update':
        case 'none':
            break;
    }
    if (plan.blind?.change === 'started')
        events.push('blind');
    if (plan.blind?.change === 'ended')
        events.push('unblind');
    return events;
}

;// CONCATENATED MODULE: ./src/notify/escape.ts
/**
 * Escaping of API text (names, emails, messages) for each chat format, so that text from the
 * Instantly workspace can neither mention or ping people nor inject markup or links. Our own
 * markup (bold headline, links to the issue and the run) is added around the escaped text.
 */
/** A broadcast word after an `@` that does not follow a word (so `x@here.com` stays an email). */
const BROADCAST = /(^|[^\w.+-])@(channel|here|everyone|all|group)\b/gi;
/** U+2024 ONE DOT LEADER is not used; a visible full-width at sign keeps the word readable. */
const SAFE_AT = '\uFF20';
/**
 * Slack mrkdwn: `&`, `<` and `>` are the three characters Slack asks apps to escape (they start
 * `<!here>`, `<@U…>` and `<url|text>`); broadcast words lose their `@` so no client highlights
 * them, and the text stays on one line.
 */
function slackText(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(BROADCAST, `$1${SAFE_AT}$2`);
}
/** Slack inline code for a name: backticks cannot be escaped inside, so they are replaced. */
function slackCode(text) {
    return `\`${slackText(text).replace(/`/g, "'")}\``;
}
/**
 * Discord markdown: every markdown character is backslash-escaped (Discord honours `\` before
 * punctuation), `@everyone`/`@here` lose their `@`, and `<@id>`, `<#id>`, `<@&id>` cannot form
 * because `<` is escaped. The message also sets `allowed_mentions: {parse: []}`.
 */
function discordText(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/[\\*_~`|>#<[\]()\-:@!]/g, (c) => `\\${c}`)
        .replace(/\\@(everyone|here)\b/gi, `${SAFE_AT}$1`);
}
/**
 * Adaptive Card TextBlocks render a markdown subset and no HTML. Markdown characters are
 * backslash-escaped; angle brackets become look-alikes so no client that does read HTML (a mail
 * or a connector preview) sees a tag. Teams mentions need `msteams.entities`, which we never send.
 */
function teamsText(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/[\\*_~`#[\]()\-!]/g, (c) => `\\${c}`)
        .replace(/</g, '\u2039')
        .replace(/>/g, '\u203A');
}

;// CONCATENATED MODULE: ./src/notify/text.ts

/**
 * The words of a notification, shared by every chat format: a headline and short lists. Each
 * formatter passes its own `escape` for text that came from the API; nothing here is escaped.
 */
/** Lines per list before "and N more": a chat message is a pointer to the issue, not the report. */
const LIST_LIMIT = 5;
const EVENT_TITLE = {
    regressed: 'new problem',
    changed: 'problems changed',
    recovered: 'recovered',
    blind: 'cannot check',
    unblind: 'checking again',
};
/** "Instantly health: new problem" (no API text). */
function title(payload) {
    return `Instantly health: ${EVENT_TITLE[payload.event]}`;
}
/** One sentence on what happened, without the workspace name (API text, added by the caller). */
function text_statusLine(payload) {
    switch (payload.event) {
        case 'regressed':
            return `is ${payload.status}: ${(0,format/* plural */.LS)(payload.new.length, 'new error')}.`;
        case 'changed':
            return `is ${payload.status}: ${(0,format/* plural */.LS)(payload.new.length, 'new error')}, ${payload.recovered.length} recovered, ${payload.stillFailing} still failing.`;
        case 'recovered':
            return `recovered: no error remains (${(0,format/* plural */.LS)(payload.recovered.length, 'error')} fixed).`;
        case 'blind':
            return `cannot be checked${payload.blind?.since ? ` since ${payload.blind.since}` : ''}.`;
        case 'unblind':
            return 'can be checked again.';
    }
}
/** The cause of a blind run, when known (our own wording, but it may quote an API message). */
function blindCause(payload) {
    return payload.event === 'blind' ? payload.blind?.cause : undefined;
}
function newItems(payload) {
    return payload.new.map((f) => ({
        name: f.resource.name ?? f.resource.id,
        detail: `${f.check}: ${f.message}`,
    }));
}
function recoveredItems(payload) {
    return payload.recovered.map((f) => ({
        name: f.resource.name ?? f.resource.id,
        detail: f.check,
    }));
}
/** The first `LIST_LIMIT` items and how many were left out. */
function text_capped(items) {
    const shown = items.slice(0, LIST_LIMIT);
    return { shown, more: items.length - shown.length };
}
function andMore(more) {
    return `and ${more} more`;
}
/** A link we build ourselves (issue, run): only plain http(s) URLs without spaces or brackets. */
function safeUrl(url) {
    return url !== null && /^https?:\/\/[^\s<>()[\]|"'`]+$/.test(url) ? url : undefined;
}
/** Long API text is cut: one chat line should stay one line. */
function clip(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max)
        return flat;
    const cut = flat.slice(0, max - 1);
    return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
/**
 * The lines of a list within a platform's character budget: at most LIST_LIMIT items; escaping
 * can grow a line several times, so an item that would pass the budget joins "and N more".
 * `more` renders that last line in the format's own way.
 */
function fitLines(items, line, budget, more = (text) => text) {
    const { shown, more: hidden } = text_capped(items);
    const lines = [];
    let used = 40; // room for the "and N more" line
    let left = hidden;
    for (const [index, item] of shown.entries()) {
        const text = line(item);
        if (used + text.length + 1 > budget) {
            left += shown.length - index;
            break;
        }
        used += text.length + 1;
        lines.push(text);
    }
    if (left > 0)
        lines.push(more(andMore(left)));
    return lines;
}

;// CONCATENATED MODULE: ./src/notify/discord.ts


/**
 * Discord webhook: one embed. Discord's limits: title 256 characters, description 4096, a
 * field's name 256 and value 1024, at most 25 fields, 6000 characters in all the embeds of a
 * message (docs/notifications.md). `allowed_mentions: {parse: []}` turns every ping off, even one
 * the escaping missed.
 */
const FIELD_VALUE_MAX = 1024;
const DESCRIPTION_MAX = 4096;
/** Embed side colours: red for trouble, green for good news, grey for blind runs. */
const COLOUR = {
    regressed: 0xd73a49,
    changed: 0xe36209,
    recovered: 0x28a745,
    blind: 0x6a737d,
    unblind: 0x28a745,
};
function field(name, items) {
    const lines = fitLines(items, (item) => `• **${discordText(clip(item.name, 80))}** ${discordText(clip(item.detail, 160))}`, FIELD_VALUE_MAX, (more) => `• ${more}`);
    return { name, value: lines.join('\n'), inline: false };
}
const discordNotifier = {
    format: 'discord',
    body(payload) {
        const cause = blindCause(payload);
        const description = [
            `**${discordText(clip(payload.workspace.name, 120))}** ${discordText(text_statusLine(payload))}`,
            ...(cause ? [discordText(clip(cause, 1000))] : []),
            ...[
                safeUrl(payload.issueUrl) ? `[Tracking issue](${safeUrl(payload.issueUrl)})` : '',
                safeUrl(payload.runUrl) ? `[Workflow run](${safeUrl(payload.runUrl)})` : '',
            ].filter(Boolean),
        ]
            .join('\n')
            .slice(0, DESCRIPTION_MAX);
        const fields = [
            ...(payload.new.length > 0 ? [field('New', newItems(payload))] : []),
            ...(payload.recovered.length > 0 ? [field('Recovered', recoveredItems(payload))] : []),
        ];
        const issue = safeUrl(payload.issueUrl);
        return {
            content: '',
            allowed_mentions: { parse: [] },
            embeds: [
                {
                    title: title(payload),
                    ...(issue ? { url: issue } : {}),
                    description,
                    color: COLOUR[payload.event],
                    fields,
                },
            ],
        };
    },
};

;// CONCATENATED MODULE: ./src/notify/json.ts
/**
 * The generic webhook: the versioned payload as is (schema/notification.schema.json). Strings
 * are the API's own, unescaped, as in the JSON report: the receiver escapes for its output.
 */
const jsonNotifier = {
    format: 'json',
    body: (payload) => payload,
};

;// CONCATENATED MODULE: ./src/notify/slack.ts


/**
 * Slack incoming webhook: Block Kit blocks with a `text` fallback (what notifications and
 * screen readers show). Block Kit limits: a section's text at most 3000 characters, a header's
 * plain text 150, 50 blocks per message (docs/notifications.md).
 */
const SECTION_MAX = 3000;
function section(text) {
    return { type: 'section', text: { type: 'mrkdwn', text } };
}
const slackNotifier = {
    format: 'slack',
    body(payload) {
        const headline = `${slackCode(clip(payload.workspace.name, 120))} ${slackText(text_statusLine(payload))}`;
        const blocks = [
            { type: 'header', text: { type: 'plain_text', text: title(payload), emoji: false } },
            section(headline),
        ];
        const cause = blindCause(payload);
        if (cause)
            blocks.push(section(slackText(clip(cause, 1000))));
        if (payload.new.length > 0)
            blocks.push(section(listText('New', newItems(payload))));
        if (payload.recovered.length > 0) {
            blocks.push(section(listText('Recovered', recoveredItems(payload))));
        }
        const links = [
            safeUrl(payload.issueUrl) ? `<${safeUrl(payload.issueUrl)}|Tracking issue>` : undefined,
            safeUrl(payload.runUrl) ? `<${safeUrl(payload.runUrl)}|Workflow run>` : undefined,
        ].filter((l) => l !== undefined);
        if (links.length > 0) {
            blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: links.join(' · ') }] });
        }
        return { text: `${title(payload)}: ${headline}`, blocks };
    },
};
/** A list section within Slack's limit for a section's text. */
function listText(heading, items) {
    const lines = fitLines(items, (item) => `• ${slackCode(clip(item.name, 120))} ${slackText(clip(item.detail))}`, SECTION_MAX - heading.length - 4, (more) => `• ${more}`);
    return [`*${heading}*`, ...lines].join('\n');
}

;// CONCATENATED MODULE: ./src/notify/teams.ts


/**
 * Microsoft Teams: an Adaptive Card (version 1.4, what Teams renders) in the `message` envelope
 * with `attachments` that both Teams workflows ("Post to a channel when a webhook request is
 * received") and the retired Office 365 connectors accept (docs/notifications.md). TextBlocks
 * render a markdown subset and never HTML; API text is escaped for it.
 */
const TEXT_MAX = 2000;
function listBlock(heading, items) {
    const lines = fitLines(items, (item) => `- **${teamsText(clip(item.name, 120))}** ${teamsText(clip(item.detail))}`, TEXT_MAX, (more) => `- ${more}`);
    return [
        { type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true, spacing: 'Medium' },
        { type: 'TextBlock', text: lines.join('\n'), wrap: true },
    ];
}
const teamsNotifier = {
    format: 'teams',
    body(payload) {
        const cause = blindCause(payload);
        const body = [
            { type: 'TextBlock', text: title(payload), size: 'Large', weight: 'Bolder', wrap: true },
            {
                type: 'TextBlock',
                text: `**${teamsText(clip(payload.workspace.name, 120))}** ${teamsText(text_statusLine(payload))}`,
                wrap: true,
            },
            ...(cause ? [{ type: 'TextBlock', text: teamsText(clip(cause, 1000)), wrap: true }] : []),
            ...(payload.new.length > 0 ? listBlock('New', newItems(payload)) : []),
            ...(payload.recovered.length > 0 ? listBlock('Recovered', recoveredItems(payload)) : []),
        ];
        const actions = [
            ...(safeUrl(payload.issueUrl)
                ? [{ type: 'Action.OpenUrl', title: 'Tracking issue', url: safeUrl(payload.issueUrl) }]
                : []),
            ...(safeUrl(payload.runUrl)
                ? [{ type: 'Action.OpenUrl', title: 'Workflow run', url: safeUrl(payload.runUrl) }]
                : []),
        ];
        return {
            type: 'message',
            attachments: [
                {
                    contentType: 'application/vnd.microsoft.card.adaptive',
                    contentUrl: null,
                    content: {
                        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                        type: 'AdaptiveCard',
                        version: '1.4',
                        body,
                        ...(actions.length > 0 ? { actions } : {}),
                    },
                },
            ],
        };
    },
};

;// CONCATENATED MODULE: ./src/notify/formats.ts




const NOTIFIERS = {
    slack: slackNotifier,
    teams: teamsNotifier,
    discord: discordNotifier,
    json: jsonNotifier,
};
/**
 * `auto` picks the format from the URL's host (contract section 7): Slack's incoming webhooks,
 * Discord's webhooks, Teams workflows (Power Automate on `*.logic.azure.com`) and the older
 * `*.webhook.office.com` connectors; anything else gets the generic JSON payload.
 */
function resolveFormat(url, format) {
    if (format !== 'auto')
        return format;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'json';
    }
    const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
    const under = (domain) => host === domain || host.endsWith(`.${domain}`);
    if (host === 'hooks.slack.com')
        return 'slack';
    if ((under('discord.com') || under('discordapp.com')) &&
        parsed.pathname.startsWith('/api/webhooks/')) {
        return 'discord';
    }
    if (host.endsWith('.webhook.office.com') || host.endsWith('.logic.azure.com'))
        return 'teams';
    return 'json';
}
function notifierFor(url, format) {
    return NOTIFIERS[resolveFormat(url, format)];
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
;// CONCATENATED MODULE: ./src/notify/payload.ts



/**
 * The one message of a notification (contract section 7), format-neutral: the `json` format
 * sends it as is, and the chat formatters render it. Defined in zod so that the JSON Schema in
 * schema/notification.schema.json is generated from it and cannot drift.
 */
/** An error that recovered: it is no longer in the report, so the state's record of it. */
const RecoveredFinding = schemas/* object */.Ikc({
    check: schemas/* string */.YjP(),
    /** As stored in the tracking state (names clipped to 120 characters). */
    resource: schemas/* object */.Ikc({ type: schemas/* string */.YjP(), id: schemas/* string */.YjP(), name: schemas/* string */.YjP().optional() }),
    fingerprint: schemas/* string */.YjP(),
    /** When the error was first seen (ISO 8601). */
    firstSeen: schemas/* string */.YjP(),
});
const NotificationPayload = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(1),
    event: schemas/* enum */.k5n(NOTIFICATION_EVENTS),
    workspace: schemas/* object */.Ikc({ id: schemas/* string */.YjP(), name: schemas/* string */.YjP() }),
    status: model_report/* Status */.nW,
    /** Errors that opened the issue or joined the outage in this run (as in the JSON report). */
    new: schemas/* array */.YOg(model_report/* Finding */.wI),
    /** Errors that recovered in this run. */
    recovered: schemas/* array */.YOg(RecoveredFinding),
    /** Confirmed errors that remain after this run. */
    stillFailing: schemas/* number */.aig().int().min(0),
    /** For `blind` and `unblind`: since when the workspace could not be checked, and why. */
    blind: schemas/* object */.Ikc({ since: schemas/* string */.YjP().optional(), cause: schemas/* string */.YjP().optional() }).optional(),
    /** The tracking issue; null with `create-issue: false` or when none exists. */
    issueUrl: schemas/* string */.YjP().nullable(),
    /** The workflow run; null outside GitHub Actions. */
    runUrl: schemas/* string */.YjP().nullable(),
});
/** The payload of one event; pure. `new` keeps the report's findings, most severe first. */
function buildPayload(input) {
    const { event, plan, report } = input;
    const wanted = new Set(plan.newErrors.map((c) => c.fingerprint));
    const findings = event === 'regressed' || event === 'changed';
    const payload = {
        schemaVersion: 1,
        event,
        workspace: input.workspace,
        status: report.status,
        new: findings ? report.findings.filter((f) => wanted.has(f.fingerprint)) : [],
        recovered: event === 'changed' || event === 'recovered' ? plan.recovered.map(recovered) : [],
        stillFailing: plan.stillFailing,
        issueUrl: input.issueUrl ?? null,
        runUrl: input.runUrl ?? null,
    };
    if (event === 'blind' || event === 'unblind') {
        const { since, cause } = plan.blind ?? {};
        payload.blind = {
            ...(since === undefined ? {} : { since }),
            ...(cause === undefined ? {} : { cause }),
        };
    }
    return payload;
}
function recovered(change) {
    const { type, id, name } = change.resource;
    return {
        check: change.check,
        resource: { type, id, ...(name === undefined ? {} : { name }) },
        fingerprint: change.fingerprint,
        firstSeen: change.firstSeen,
    };
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/instantly/retry-after.ts
var retry_after = __webpack_require__(851);
;// CONCATENATED MODULE: ./src/notify/send.ts



const DEFAULTS = { retries: 2, timeoutMs: 10_000, backoffBaseMs: 1_000, maxWaitMs: 10_000 };
/** An answer body is only read to free the connection; a chat API's error text is short. */
const MAX_ERROR_TEXT = 200;
async function sendJson(url, body, options = {}) {
    const { retries, timeoutMs, backoffBaseMs, maxWaitMs } = { ...DEFAULTS, ...options };
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const now = options.now ?? Date.now;
    // One dispatcher per message, closed after it: an idle keep-alive socket would hold the
    // action's process open after its last step, and a message or two needs no pool.
    const dispatcher = options.dispatcher ?? (0,proxy/* createProxyDispatcher */.I)();
    try {
        return await attempts(url, body, dispatcher, {
            retries,
            timeoutMs,
            backoffBaseMs,
            maxWaitMs,
            sleep,
            now,
        });
    }
    finally {
        if (dispatcher !== options.dispatcher)
            await dispatcher.close().catch(() => undefined);
    }
}
async function attempts(url, body, dispatcher, { retries, timeoutMs, backoffBaseMs, maxWaitMs, sleep, now }) {
    const host = hostOf(url);
    const payload = JSON.stringify(body);
    let last = '';
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
        let wait;
        try {
            const response = await (0,undici/* request */.Em)(url, {
                method: 'POST',
                body: payload,
                headers: { 'content-type': 'application/json', 'user-agent': 'instantly-health' },
                dispatcher,
                signal: AbortSignal.timeout(timeoutMs),
            });
            const text = withoutSecret(await response.body.text(), url)
                .slice(0, MAX_ERROR_TEXT)
                .replace(/\s+/g, ' ');
            if (response.statusCode >= 200 && response.statusCode < 300) {
                return { ok: true, status: response.statusCode, attempts: attempt };
            }
            last = `${host} answered HTTP ${response.statusCode}${text ? `: ${text}` : ''}`;
            const retryable = response.statusCode === 429 || response.statusCode >= 500;
            if (!retryable)
                return { ok: false, attempts: attempt, message: last };
            wait = (0,retry_after/* parseRetryAfter */.m)(response.headers['retry-after'], now());
        }
        catch (err) {
            last = `could not reach ${host}: ${errorText(err, timeoutMs)}`;
        }
        if (attempt <= retries) {
            await sleep(Math.min(wait ?? backoffBaseMs * 2 ** (attempt - 1), maxWaitMs));
        }
    }
    return { ok: false, attempts: retries + 1, message: `${last} (after ${retries + 1} attempts)` };
}
/** A receiver may echo the URL or its path back; the path is the secret. */
function withoutSecret(text, url) {
    let out = text.split(url).join('<notify-url>');
    try {
        const { pathname, search } = new URL(url);
        for (const part of [pathname + search, pathname]) {
            if (part.length > 1)
                out = out.split(part).join('<path>');
        }
    }
    catch {
        // An unparsable URL was never sent.
    }
    return out;
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return 'the notification URL';
    }
}
function errorText(err, timeoutMs) {
    const name = err?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
        return `no answer within ${timeoutMs / 1000} s`;
    }
    const code = err?.code ??
        err?.cause?.code;
    return typeof code === 'string' ? code : 'network error';
}

;// CONCATENATED MODULE: ./src/notify/notify.ts




async function notifyWorkspace(target, notice, options = {}) {
    const outcome = { sent: [], failures: [] };
    const notifier = notifierFor(target.url, target.format);
    for (const event of notificationEvents(notice.plan)) {
        const body = notifier.body(buildPayload({ ...notice, event }));
        const result = await sendJson(target.url, body, options);
        if (result.ok)
            outcome.sent.push(event);
        else
            outcome.failures.push(`The ${event} notification (${notifier.format}) was not sent: ${result.message}`);
    }
    return outcome;
}

// EXTERNAL MODULE: ./src/tracking/planner.ts
var planner = __webpack_require__(6861);
;// CONCATENATED MODULE: ./src/publish/notify-step.ts



async function notifyRows(target, rows, agency, runUrl, warn, send = {}) {
    const failures = [];
    for (const row of rows) {
        if (!row.plan)
            continue;
        const outcome = await notifyWorkspace(target, {
            plan: row.plan,
            report: row.report,
            workspace: { id: row.report.workspace?.id ?? row.id, name: row.name },
            issueUrl: row.issueUrl,
            runUrl,
        }, send);
        for (const failure of outcome.failures) {
            const line = agency ? `${row.name}: ${failure}` : failure;
            warn(line);
            failures.push(line);
        }
    }
    return failures;
}
/** The summary's note on notifications that failed (the receiver's answer is outside text). */
function notifyFailureSection(failures) {
    if (failures.length === 0)
        return '';
    const lines = failures.map((f) => `- ${(0,report_escape/* escapeInline */.VV)(f)}`);
    return `\n\n### Notifications\n\n${lines.join('\n')}\n`;
}
/**
 * The CLI's notifications: it keeps no tracking state, so each run is planned as if no issue
 * existed and a run with errors reaching `failure_threshold` sends `regressed`.
 */
async function notifyStateless(target, rows, config, warn, send = {}) {
    const now = new Date();
    const planned = rows.map((row) => ({
        ...row,
        plan: plan(null, row.report, config, now, { hasOpenIssue: false, recentlyClosed: false }),
    }));
    return notifyRows(target, planned, rows.length > 1, undefined, warn, send);
}

;// CONCATENATED MODULE: ./src/publish/overview.ts





const overview_bytes = (text) => Buffer.byteLength(text, 'utf8');
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
        `## ${format/* STATUS_EMOJI */.cu[status]} Instantly health: ${(0,format/* plural */.LS)(rows.length, 'workspace')} · ${tally}`,
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
    const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
    const overview = renderOverview(rows);
    // Our own wrapper text per section (the <details> lines), generously counted.
    const wrapper = 400;
    const share = Math.max(2_000, Math.floor((maxBytes - overview_bytes(overview)) / Math.max(1, rows.length)) - wrapper);
    const sections = rows.map((row) => {
        const trend = (0,tracking_trend/* renderTrendSummary */.KA)(row.trend ?? []);
        const body = renderSummary(row.report, {
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
    return overview_bytes(out) <= maxBytes ? out : overview;
}

;// CONCATENATED MODULE: ./src/publish/publish.ts


















/**
 * The action's publishing, one function for one workspace and for many: the JSON report file,
 * one tracking issue per workspace, annotations, outputs, the job summary and the step's
 * verdict. It never throws: what cannot be written is a warning, and the rest is still written.
 */
const REPORT_FILE = 'instantly-health-report.json';
const CANCELLED = 'The run was cancelled (SIGINT/SIGTERM): what was checked before is reported; unfinished checks are unknown and the tracking issue may not be updated.';
/** Time the tracking phase may take past the run's `timeout` (seconds). */
const TRACKING_GRACE_SECONDS = 60;
/**
 * The report's file: unique per step (`GITHUB_ACTION` is the step's id, or a generated one such
 * as `__owner_repo_2` for a second unnamed use), so two steps in one job do not overwrite each
 * other's report.
 */
function reportPathFor(env) {
    const step = (env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 100);
    const name = step ? REPORT_FILE.replace(/\.json$/, `-${step}.json`) : REPORT_FILE;
    return external_node_path_default().join(env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), name);
}
/** GitHub rejects issue titles longer than this (422), in every mode. */
const ISSUE_TITLE_MAX = 256;
async function publish(outcome, options) {
    const { core, settings, env = process.env } = options;
    const agency = outcome.kind === 'agency';
    const rows = runsOf(outcome, settings).map((run) => ({
        id: run.entry.id,
        name: run.name,
        report: run.report,
        regressed: false,
    }));
    // Everything that needs no GitHub call comes first, so a run stopped during tracking (a
    // GitHub that never answers, the step's timeout-minutes, a cancel) still leaves the report,
    // the outputs and the summary. They are written again once tracking is known.
    const reportPath = reportPathFor(env);
    const written = await writeReport(outcome, rows, reportPath, core);
    annotate(rows, agency, core);
    const local = {
        reportPath: written ? reportPath : undefined,
        summaryPath: await summaryPathFor(env, core),
        extra: '',
    };
    await writeLocal(rows, agency, local, options);
    const trackingFailures = [];
    if (settings) {
        const timeout = options.trackingDeadline ??
            AbortSignal.timeout(Math.max(0, (options.startedAt?.getTime() ?? Date.now()) +
                (settings.timeoutSeconds + TRACKING_GRACE_SECONDS) * 1000 -
                Date.now()));
        const deadline = options.cancelled ? AbortSignal.any([timeout, options.cancelled]) : timeout;
        for (const [index, run] of runsOf(outcome, settings).entries()) {
            const tracked = await track(settings, run, agency, options, deadline);
            if (tracked.failed)
                trackingFailures.push(tracked.failed);
            const row = rows[index];
            if (row)
                Object.assign(row, tracked);
        }
        // Notifications (contract section 7): from each workspace's tracking plan, after tracking.
        if (settings.notify) {
            const failures = await notifyRows(settings.notify, rows, agency, (0,body/* runUrlFromEnv */.kk)(env), core.warning, options.notify);
            local.extra = notifyFailureSection(failures);
        }
        if (agency)
            await writeReport(outcome, rows, reportPath, core);
        await writeLocal(rows, agency, local, options);
    }
    const failing = rows.filter((r) => (0,verdict/* failsStep */.ug)(r.report, settings?.failOn ?? 'error'));
    if (options.cancelled?.aborted)
        core.setFailed(CANCELLED);
    else if (failing.length > 0)
        core.setFailed(verdictLine(failing, rows.length, agency));
    else if (trackingFailures.length > 0)
        core.setFailed(trackingFailures.join(' '));
    const heartbeatUrl = settings?.heartbeatUrl;
    if (heartbeatUrl) {
        const reports = rows.map((r) => r.report);
        const warning = await heartbeatAfter(heartbeatUrl, reports, options.heartbeat);
        if (warning)
            core.warning(warning);
    }
}
/** The workspaces of this run, one for a single run. */
function runsOf(outcome, settings) {
    return outcome.kind === 'agency'
        ? outcome.runs
        : [
            {
                entry: { id: settings?.workspaceId ?? '' },
                name: outcome.report.workspace?.name ?? settings?.workspaceId ?? 'workspace',
                report: outcome.report,
            },
        ];
}
/** Writes the JSON report; false when it could not be written (then `report-path` stays empty). */
async function writeReport(outcome, rows, reportPath, core) {
    try {
        const json = outcome.kind === 'agency'
            ? JSON.stringify(combinedReport(rows), null, 2) + '\n'
            : renderJson(outcome.report);
        await (0,promises_.mkdir)(external_node_path_default().dirname(reportPath), { recursive: true });
        await (0,promises_.writeFile)(reportPath, json);
        return true;
    }
    catch (err) {
        core.warning(`Could not write the JSON report to ${reportPath}: ${String(err)}`);
        return false;
    }
}
function annotate(rows, agency, core) {
    // GitHub shows 10 annotations per level and step: share them between the workspaces.
    const perWorkspace = Math.max(1, Math.floor(ANNOTATIONS_PER_LEVEL / Math.max(1, rows.length)));
    for (const row of rows) {
        for (const a of planAnnotations(row.report, { maxPerLevel: perWorkspace })) {
            const log = a.level === 'error' ? core.error : core.warning;
            log(a.message, { title: agency ? `${row.name}: ${a.title}` : a.title });
        }
    }
}
/**
 * Output `summary-path`: the job summary as a markdown file for later steps, in its own folder
 * under RUNNER_TEMP so two steps of one job never overwrite each other's. Empty when unwritable.
 */
async function summaryPathFor(env, core) {
    const temp = env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)();
    try {
        await (0,promises_.mkdir)(temp, { recursive: true });
        return external_node_path_default().join(await (0,promises_.mkdtemp)(external_node_path_default().join(temp, 'instantly-health-summary-')), 'summary.md');
    }
    catch (err) {
        core.warning(`Could not make a folder for the summary file under ${temp}: ${String(err)}`);
        return '';
    }
}
/** Outputs and the job summary (overwritten: the second write replaces the first). */
async function writeLocal(rows, agency, { reportPath, summaryPath, extra }, { core, env = process.env, cancelled }) {
    const single = rows[0];
    const outputs = agency || !single
        ? aggregateOutputs(rows, reportPath ?? '')
        : actionOutputs(single.report, single, reportPath ?? '');
    for (const [name, value] of Object.entries(outputs))
        core.setOutput(name, value);
    const note = cancelled?.aborted ? `> [!WARNING]\n> ${CANCELLED}\n\n` : '';
    const summary = note + summaryOf(rows, agency, (0,body/* runUrlFromEnv */.kk)(env)) + extra;
    let summaryWritten = '';
    if (summaryPath) {
        try {
            await (0,promises_.writeFile)(summaryPath, summary);
            summaryWritten = summaryPath;
        }
        catch (err) {
            core.warning(`Could not write the summary file ${summaryPath}: ${String(err)}`);
        }
    }
    core.setOutput('summary-path', summaryWritten);
    if (env.GITHUB_STEP_SUMMARY) {
        try {
            await core.summary.emptyBuffer().addRaw(summary, true).write({ overwrite: true });
        }
        catch (err) {
            core.warning(`Could not write the job summary: ${String(err)}`);
        }
    }
}
function summaryOf(rows, agency, runUrl) {
    const row = rows[0];
    if (agency || !row)
        return renderAgencySummary(rows, runUrl ? { runUrl } : {});
    const trendSection = (0,tracking_trend/* renderTrendSummary */.KA)(row.trend ?? []);
    return renderSummary(row.report, {
        ...(row.issueUrl ? { issueUrl: row.issueUrl } : {}),
        ...(runUrl ? { runUrl } : {}),
        ...(trendSection ? { extraSections: [trendSection] } : {}),
        ...(row.failed ? { trackingError: row.failed } : {}),
    });
}
function verdictLine(failing, total, agency) {
    const [only] = failing;
    if (!agency && only) {
        const report = only.report;
        if (report.status === 'failed') {
            return report.failure
                ? `${report.failure.message} ${report.failure.remediation}`
                : 'instantly-health could not check the workspace.';
        }
        const errors = report.findings.filter((f) => f.severity === 'error').length;
        const others = report.findings.length - errors;
        const blind = (0,report_blind/* blindSuites */.v)(report);
        // Section 6: a suite that checked nothing is why the step fails, said first.
        const why = blind.length > 0 ? `${(0,report_blind/* blindLine */.u)(blind)} ` : '';
        return `${why}Instantly workspace is ${report.status}: ${errors} error(s), ${others} warning or unknown finding(s). See the job summary.`;
    }
    const list = failing.map((r) => {
        const c = (0,format/* countFindings */.Gt)(r.report.findings);
        const blind = (0,report_blind/* blindSuites */.v)(r.report);
        return r.report.status === 'failed'
            ? `${r.name} (could not check)`
            : `${r.name} (${r.report.status}: ${c.errors} error(s), ${c.warnings} warning(s)${blind.length > 0 ? `; could not check ${blind.map((b) => b.suite).join(', ')}` : ''})`;
    });
    return `${failing.length} of ${total} Instantly workspaces fail the check: ${list.join('; ')}. See the job summary.`;
}
/**
 * The title of a workspace's tracking issue: `issue-title`, else one naming the workspace; in an
 * agency run each workspace has its own issue, so the title always names it. Capped at GitHub's
 * limit without splitting a surrogate pair.
 */
function issueTitle(configured, name, agency) {
    const title = configured === undefined
        ? `Instantly health: ${name}`
        : agency
            ? `${configured} (${name})`
            : configured;
    if (title.length <= ISSUE_TITLE_MAX)
        return title;
    const cut = title.slice(0, ISSUE_TITLE_MAX);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
async function track(settings, run, agency, { core, github, env = process.env }, deadline) {
    const { tracking } = settings;
    const who = agency ? `${run.name}: ` : '';
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!tracking.token || !owner || !repo) {
        if (tracking.create)
            core.warning(`${who}${agency ? 'no' : 'No'} GitHub token or repository: the tracking issue was skipped.`);
        return { regressed: false };
    }
    const runUrl = (0,body/* runUrlFromEnv */.kk)();
    // Loaded here, after the checks: octokit and its plugins take a third of the bundle's start-up,
    // which would otherwise delay the first Instantly request.
    const { trackHealth } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(796)]).then(__webpack_require__.bind(__webpack_require__, 7796));
    const result = await trackHealth({
        report: run.report,
        token: tracking.token,
        repo: { owner, repo },
        labels: tracking.labels,
        assignees: tracking.assignees,
        title: issueTitle(tracking.title, run.name, agency),
        config: tracking.config,
        ...(runUrl ? { runUrl } : {}),
        dryRun: !tracking.create,
        agency,
        // A run that cannot name its workspace (a revoked key) finds its issue by this id.
        ...(!agency && settings.workspaceId ? { workspaceId: settings.workspaceId } : {}),
        ...(agency && run.entry.id ? { workspaceId: run.entry.id } : {}),
        client: { ...github, signal: deadline },
    });
    for (const warning of result.warnings)
        core.warning(`${who}${warning}`);
    const out = { regressed: result.regressed };
    if (result.issueNumber !== undefined)
        out.issueNumber = result.issueNumber;
    if (result.issueUrl !== undefined)
        out.issueUrl = result.issueUrl;
    if (result.trend)
        out.trend = result.trend;
    if (result.plan)
        out.plan = result.plan;
    if (result.error) {
        if (tracking.create) {
            const suffix = agency ? ` (${run.name})` : '';
            core.error(result.error.message, { title: `instantly-health: tracking issue${suffix}` });
            out.failed = `The tracking issue${agency ? ` of ${run.name}` : ''} could not be updated: ${result.error.message}`;
        }
        else {
            core.warning(`${who}${agency ? 'could' : 'Could'} not read the tracking issue: ${result.error.message}`);
        }
    }
    return out;
}
/**
 * The report of a run that could not start: bad inputs or config (each problem also an
 * annotation at its line) or an unexpected error. The action still publishes it.
 */
function reportForError(err, startedAt, core) {
    if (err instanceof errors/* ConfigError */.xL) {
        for (const problem of err.problems) {
            const { message, properties } = (0,errors/* annotationOf */.lW)(problem);
            core.error(message, properties);
        }
        return (0,failed/* failedReport */.k)({
            cause: 'config',
            message: `The action's inputs or config file are invalid:\n${err.format()}`,
            remediation: 'Fix the inputs or the config file as each line says, then re-run the workflow.',
            startedAt,
            finishedAt: new Date(),
        });
    }
    const message = err instanceof Error ? err.message : String(err);
    return (0,failed/* failedReport */.k)({
        cause: 'internal',
        message: `instantly-health stopped unexpectedly: ${message}`,
        remediation: 'Re-run the workflow; if it happens again, open an issue on instantly-health with this message.',
        startedAt,
        finishedAt: new Date(),
    });
}


/***/ }),

/***/ 9493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RW: () => (/* binding */ toDoList),
/* harmony export */   UU: () => (/* binding */ WHAT_TO_DO_FIRST)
/* harmony export */ });
/* unused harmony export instantlyLink */
/* harmony import */ var _model_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5235);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2011);


/**
 * The report as a to-do list: one entry per resource, with every problem found on it and one fix
 * per cause (findings that share a cause share a fix: a campaign in Bounce Protect and its bounce
 * rate are one thing to do, not two). Entries are ranked by severity, then by impact, so the
 * first few are what to do first. Pure: every renderer (job summary, issue body, CLI text) reads
 * the same list.
 */
/** Entries the summary lists under "What to do first". */
const WHAT_TO_DO_FIRST = 5;
/**
 * Findings that share one cause, and so one fix. Within a cause the first listed check leads: its
 * message comes first and its remediation is the fix (the most specific one: a campaign already
 * paused by Bounce Protect needs "verify the list, then resume", not "pause the campaign").
 * A finding matching no rule is a cause of its own.
 */
const SHARED_CAUSES = [
    { cause: 'bounces', check: 'campaign.status', when: (e) => e.status === -2 },
    {
        cause: 'bounces',
        check: 'campaign.sending-status',
        when: (e) => e.status === 'campaign_bounce_protect',
    },
    { cause: 'bounces', check: 'campaign.bounce-rate' },
    { cause: 'bounces', check: 'account.bounce-rate' },
    { cause: 'no-leads', check: 'campaign.leads' },
    {
        cause: 'no-leads',
        check: 'campaign.sending-status',
        when: (e) => e.status === 'waiting_for_leads',
    },
    { cause: 'paused', check: 'campaign.paused' },
    {
        cause: 'paused',
        check: 'campaign.sending-status',
        when: (e) => e.status === 'campaign_paused',
    },
    { cause: 'connection', check: 'account.connection' },
    { cause: 'connection', check: 'account.autofix-failed' },
    // One mailbox whose warmup mail goes to spam: score, health, spam share and trend all say it.
    { cause: 'warmup-reputation', check: 'account.warmup-spam' },
    { cause: 'warmup-reputation', check: 'account.warmup-score' },
    { cause: 'warmup-reputation', check: 'account.warmup-health' },
    { cause: 'warmup-reputation', check: 'account.warmup-trend' },
];
/** Checks whose finding means mail is not going out now: first among equal severities. */
const STOPS_SENDING_IDS = [
    'workspace.api-key',
    'workspace.plan',
    'campaign.status',
    'campaign.paused',
    'campaign.sending-status',
    'campaign.not-sending',
    'campaign.sequence',
    'campaign.schedule',
    'campaign.senders',
    'campaign.daily-limit',
    'campaign.leads',
    'account.connection',
    'account.paused',
    'account.setup-pending',
    'domain.mx',
];
const STOPS_SENDING = new Set(STOPS_SENDING_IDS);
function causeOf(f) {
    const rank = SHARED_CAUSES.findIndex((rule) => rule.check === f.check && (rule.when === undefined || rule.when(f.evidence)));
    const rule = SHARED_CAUSES[rank];
    return rule
        ? { cause: rule.cause, rank }
        : { cause: `${f.check}:${f.fingerprint}`, rank: SHARED_CAUSES.length };
}
/** 2: stops sending; 1: hurts sending (deliverability, limits); 0: around sending (webhooks). */
function impactOf(todo) {
    if (todo.findings.some((f) => STOPS_SENDING.has(f.check)))
        return 2;
    return todo.findings.every((f) => f.suite === 'webhooks') ? 0 : 1;
}
/** The to-do list of these findings: one entry per resource, most urgent first. */
function toDoList(findings) {
    const byResource = new Map();
    // sortFindings first: the order inside an entry and between equal entries is stable.
    for (const f of (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .sortFindings */ .Tc)(findings)) {
        const key = `${f.resource.type}\u0000${f.resource.id}`;
        const group = byResource.get(key);
        if (group)
            group.push(f);
        else
            byResource.set(key, [f]);
    }
    const todos = [...byResource.values()].map((group) => toDo(group));
    const order = new Map(todos.map((t, i) => [t, i]));
    return todos.sort((a, b) => (0,_model_report_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(a.severity, b.severity) ||
        impactOf(b) - impactOf(a) ||
        b.fixes.length - a.fixes.length ||
        b.findings.length - a.findings.length ||
        (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
function toDo(group) {
    // Causes in order of their worst finding; inside a cause, the lead check first.
    const causes = new Map();
    for (const f of group) {
        const { cause, rank } = causeOf(f);
        const members = causes.get(cause);
        if (members)
            members.push({ rank, finding: f });
        else
            causes.set(cause, [{ rank, finding: f }]);
    }
    const ordered = [...causes.values()].map((members) => members
        .sort((a, b) => (0,_model_report_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(a.finding.severity, b.finding.severity) || a.rank - b.rank)
        .map((m) => m.finding));
    const findings = ordered.flat();
    const fixes = [...new Set(ordered.map((members) => members[0]?.remediation ?? ''))].filter((fix) => fix !== '');
    const first = findings[0] ?? group[0];
    if (!first)
        throw new Error('a to-do needs a finding');
    const link = instantlyLink(first.resource, findings);
    return {
        resource: first.resource,
        severity: findings.reduce((worst, f) => ((0,_model_report_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(f.severity, worst) < 0 ? f.severity : worst), first.severity),
        findings,
        fixes,
        ...(link ? { link } : {}),
    };
}
const APP = 'https://app.instantly.ai/app';
// Instantly's ids are UUIDs; anything else is not put in a URL we build.
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;
/**
 * The Instantly app page for a resource, built by us from its id (never a URL from the API):
 * a campaign's analytics (or its sequence, or leads, when that is where the fix is), the email
 * accounts list for a mailbox, the integrations settings for webhooks. These paths are the app's stable,
 * bookmarkable URLs (`/app/campaign/<id>/analytics`, `/sequences`, `/leads`, `/app/accounts`,
 * `/app/settings/integrations`).
 */
function instantlyLink(resource, findings = []) {
    switch (resource.type) {
        case 'campaign': {
            if (!SAFE_ID.test(resource.id))
                return undefined;
            const base = `${APP}/campaign/${resource.id}`;
            const lead = findings[0]?.check;
            if (lead === 'campaign.sequence')
                return { url: `${base}/sequences`, label: 'sequence' };
            if (lead === 'campaign.leads')
                return { url: `${base}/leads`, label: 'leads' };
            return { url: `${base}/analytics`, label: 'analytics' };
        }
        // A domain's fix is in its DNS, not in Instantly.
        case 'account':
            return { url: `${APP}/accounts`, label: 'email accounts' };
        case 'webhook':
            return { url: `${APP}/settings/integrations`, label: 'integrations' };
        default:
            return undefined;
    }
}


/***/ }),

/***/ 6412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   en: () => (/* binding */ escapeTerminal),
/* harmony export */   tn: () => (/* binding */ escapeCode)
/* harmony export */ });
/* unused harmony exports WORD_JOINER, MAX_INLINE, sanitizeText, truncate */
/**
 * The one escaping module for every string that came from the API (campaign and account names,
 * emails, URLs, SMTP and webhook error messages) before it reaches a reader: markdown that GitHub
 * renders (job summary, issue body, comments), a terminal, or an annotation.
 *
 * Why not just backslashes: on GitHub, mentions (`@user`, `@org/team`), issue references (`#12`,
 * `GH-12`, `owner/repo#12`), commit SHAs and autolinks are created from the *rendered text*, after
 * markdown. `\@user` and `&#64;user` both render to the text `@user` and still mention. So, on top
 * of backslash escapes for markdown syntax, the tokens GitHub links are broken with an invisible
 * WORD JOINER (U+2060): `@⁠user` is not a mention, `#⁠12` not a reference, `http:⁠//x` not an
 * autolink. The reader sees the same characters. Text inside a code span is not linked by GitHub,
 * so `escapeCode` keeps the text verbatim there (copyable ids and emails).
 *
 * One rule per concept: what people copy out of a report (URLs, email addresses, domain names)
 * goes into a code span, verbatim, with no invisible character in it; everything else GitHub
 * would link (mentions, references, SHAs) is broken with the word joiner. Renovate and Dependabot
 * break mentions the same way, with a zero-width character after `@` and `#`
 * (renovatebot/renovate#1083 and #30842, dependabot/dependabot-core#12685). `&` is escaped too,
 * so `&#64;`, `&#x40;` or `&commat;` in API text stay literal instead of decoding to `@`.
 */
/** U+2060 WORD JOINER: invisible, not a word character, no line-break opportunity. */
const WORD_JOINER = '\u2060';
const REPLACEMENT = '\uFFFD';
const ELLIPSIS = '…';
/** Default caps, in code points, before escaping. Names are short; error messages can be long. */
const MAX_INLINE = 600;
// C0 and C1 controls (ESC, CSI, NUL, DEL...), line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;
// Bidi embeddings, overrides, isolates and marks: they can reorder what a reader sees
// ("Trojan Source"), e.g. make `moc.evil` look like `live.com`.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const WHITESPACE_CONTROL = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
/**
 * Plain, single-line, well-formed text: line breaks and tabs become a space, other control and
 * bidi control characters become U+FFFD (so a reader sees that something was there), lone
 * surrogates are replaced, and the result is capped. The base of every other escape here.
 */
function sanitizeText(text, max = MAX_INLINE) {
    const clean = text
        .toWellFormed()
        .replace(WHITESPACE_CONTROL, ' ')
        .replace(CONTROL, REPLACEMENT)
        .replace(BIDI, REPLACEMENT)
        .trim();
    return truncate(clean, max);
}
/** Cuts to at most `max` code points (the last one being "…"), never inside a surrogate pair. */
function truncate(text, max) {
    if (max < 1)
        return '';
    // Fast path: a string of at most `max` UTF-16 units has at most `max` code points.
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    if (points.length <= max)
        return text;
    return (points
        .slice(0, max - 1)
        .join('')
        .trimEnd() + ELLIPSIS);
}
/**
 * Breaks every token GitHub would turn into a link, mention or reference, by inserting a word
 * joiner where its pattern needs a word character or a fixed sequence.
 */
function breakLinkableTokens(text) {
    const wj = WORD_JOINER;
    return (text
        // @user, @org/team, user@sha, emails (autolinked on the `@`).
        .replace(/@/g, `@${wj}`)
        // #12, owner/repo#12, GH-12 is handled below; `&#64;` cannot decode either (see `&` escape).
        .replace(/#/g, `#${wj}`)
        // GH-12, and the custom autolink references a repository may define (JIRA-123, TICKET-7).
        .replace(/-(?=\d)/g, `-${wj}`)
        // http://, https://, ftp://... (the autolink extension triggers on `://`).
        .replace(/:\/\//g, `:${wj}//`)
        // www.example.com
        .replace(/www\./gi, (m) => `${m.slice(0, 3)}${wj}.`)
        // Commit SHAs (7 to 40 hex digits between word boundaries) autolink to commits.
        .replace(/(?<![0-9A-Za-z_])[0-9A-Fa-f]{7,}(?![0-9A-Za-z_])/g, (run) => (run.match(/.{1,6}/g) ?? [run]).join(wj)));
}
// Every ASCII punctuation character that starts markdown or HTML syntax, or a GFM table cell
// boundary, or GitHub math (`$`). `&` too, so `&#64;` or `&lt;` in the input stay literal.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~<>=$&^"']/g;
// Characters a copyable value never contains: white space, what ends a code span or a table cell,
// and what would need escaping inside one.
const VALUE_CHAR = String.raw `[^\s<>|\\\x60"]`;
/**
 * Values a reader copies: URLs (with a scheme, or `www.`), email addresses and domain names. Each
 * starts at a word boundary; a domain or email ends on a letter of its top-level domain.
 */
const COPYABLE = new RegExp(String.raw `(?<![\w.@%+-])(?:` +
    [
        String.raw `(?:https?|ftp)://${VALUE_CHAR}+`,
        String.raw `mailto:${VALUE_CHAR}+`,
        String.raw `www\.${VALUE_CHAR}+`,
        String.raw `[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w-])`,
        // A DNS name; a first label may start with `_` (`_dmarc.example.com`).
        String.raw `_?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w@-])`,
    ].join('|') +
    ')', 'g');
// Sentence punctuation right after a URL is not part of it ("see https://x.io/a.").
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'*_~]+$/;
/** `text` cut into prose and copyable values (URLs, emails, domains), in order. */
function splitCopyable(text) {
    const parts = [];
    let last = 0;
    for (const match of text.matchAll(COPYABLE)) {
        const value = match[0].replace(TRAILING_PUNCTUATION, '');
        // A bare scheme or `www.` with nothing after it is no value to copy.
        if (value === '' || /^(?:[a-z]+:\/*|www\.?)$/i.test(value))
            continue;
        parts.push({ value: false, text: text.slice(last, match.index) });
        parts.push({ value: true, text: value });
        last = match.index + value.length;
    }
    parts.push({ value: false, text: text.slice(last) });
    return parts.filter((p) => p.text !== '');
}
/**
 * Text safe anywhere inline in GitHub markdown (a sentence, a list item, a table cell): it cannot
 * break a table, inject HTML, create a link, mention or reference, or start a block. URLs, email
 * addresses and domain names in it become code spans: shown verbatim, copyable, never linked.
 */
function escapeInline(text, options = {}) {
    const plain = sanitizeText(text, options.max ?? MAX_INLINE);
    const table = options.table ?? true;
    return splitCopyable(plain)
        .map((part) => part.value
        ? escapeCode(part.text, { table, max: Number.MAX_SAFE_INTEGER })
        : breakLinkableTokens(part.text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`))
        .join('');
}
/**
 * Text shown verbatim as inline code: the fence is longer than any backtick run inside, so the
 * text cannot close it. Safe in a table cell by default (see `CodeOptions.table`).
 */
function escapeCode(text, options = {}) {
    let body = sanitizeText(text, options.max ?? MAX_INLINE);
    if (body === '')
        return '';
    if (options.table ?? true)
        body = body.replace(/\|/g, '\\|');
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // A space on each side keeps a leading or trailing backtick from merging with the fence; one
    // space on both sides is stripped by the renderer.
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** Text for HTML contexts the markdown parser does not see (e.g. inside a raw `<summary>`). */
function escapeHtml(text, options = {}) {
    const plain = breakLinkableTokens(sanitizeText(text, options.max ?? MAX_INLINE));
    return plain.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
/**
 * A link target we built ourselves (tracking issue, run page): only http(s), and written so that
 * it cannot end the markdown link early.
 */
function safeUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/**
 * Text for a terminal or a plain-text channel (CLI output, annotation messages): no escape
 * sequence (ESC, CSI), no carriage return or backspace, no bidi override can move the cursor,
 * recolour the terminal or reorder what is shown.
 */
function escapeTerminal(text, options = {}) {
    return sanitizeText(text, options.max ?? MAX_INLINE);
}


/***/ }),

/***/ 3791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ renderRemediationMarkdown)
/* harmony export */ });
/* unused harmony exports describeSteps, remediationTextLines */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);

/**
 * Remediation as a reader sees it: a markdown section (job summary, issue body) and text lines
 * (CLI). Every step is listed, done or not, with its reason: a fix that was skipped is as
 * important to know as one that was made.
 */
const OUTCOME_LABEL = {
    done: '✅ done',
    'would-do': '🔍 would do (dry-run)',
    skipped: '⏭️ skipped',
    failed: '❌ failed',
};
/** Rows shown before "…and N more" (the JSON report has them all). */
const MAX_ROWS = 100;
function heading(remediation) {
    const mode = remediation.dryRun ? 'dry-run: nothing was changed' : 'live: safe fixes are made';
    const actions = remediation.actions.map((a) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCode */ .tn)(a, { table: false })).join(', ');
    return `### 🛠️ Remediation (${mode})\n\nConfigured: ${actions}.`;
}
function resourceCell(step) {
    const { type, id, name } = step.resource;
    const label = name !== undefined && name.trim() !== '' ? `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(name, { max: 120 })} ` : '';
    return `${type} ${label}${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCode */ .tn)(id, { max: 64 })}`;
}
/** Counts like "1 done, 1 skipped". */
function describeSteps(steps) {
    const counts = new Map();
    for (const s of steps)
        counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
    const order = ['done', 'would-do', 'skipped', 'failed'];
    const parts = order.filter((o) => counts.has(o)).map((o) => `${counts.get(o) ?? 0} ${o}`);
    return parts.length > 0 ? parts.join(', ') : 'nothing to do';
}
/** The markdown section; empty when the report has no remediation. */
function renderRemediationMarkdown(remediation) {
    if (!remediation)
        return '';
    const head = heading(remediation);
    if (remediation.steps.length === 0) {
        return `${head} Nothing needed fixing (or the checks it relies on could not decide).\n\n`;
    }
    const rows = remediation.steps
        .slice(0, MAX_ROWS)
        .map((s) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCode */ .tn)(s.action)} | ${resourceCell(s)} | ${OUTCOME_LABEL[s.outcome]} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(s.detail, { max: 600 })} |`);
    const more = remediation.steps.length - rows.length;
    return [
        `${head} ${describeSteps(remediation.steps)}.`,
        '',
        '| Action | Resource | Outcome | Why |',
        '|---|---|---|---|',
        ...rows,
        ...(more > 0 ? ['', `_…and ${more} more in the JSON report._`] : []),
        '',
        '',
    ].join('\n');
}
/** Plain lines for the CLI; empty when the report has no remediation. */
function remediationTextLines(remediation) {
    if (!remediation)
        return [];
    const mode = remediation.dryRun ? 'dry-run, nothing changed' : 'live: safe fixes are made';
    const lines = [`Remediation (${mode}): ${describeSteps(remediation.steps)}`];
    for (const s of remediation.steps.slice(0, MAX_ROWS)) {
        const name = s.resource.name ?? s.resource.id;
        lines.push(`  ${s.outcome}: ${s.action} ${escapeTerminal(name, { max: 120 })}: ${escapeTerminal(s.detail, { max: 600 })}`);
    }
    return lines;
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HC: () => (/* binding */ renderDuplicateComment),
/* harmony export */   HF: () => (/* binding */ renderClosingComment),
/* harmony export */   Vk: () => (/* binding */ renderBlindComment),
/* harmony export */   Yx: () => (/* binding */ renderIssueBody),
/* harmony export */   kk: () => (/* binding */ runUrlFromEnv),
/* harmony export */   ok: () => (/* binding */ renderChangeComment)
/* harmony export */ });
/* unused harmony exports BODY_LIMIT, MARKER_BUDGET, fitMarker */
/* harmony import */ var _report_actions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9493);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6412);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2011);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9043);
/* harmony import */ var _report_remediation_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3791);
/* harmony import */ var _trend_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(750);






/**
 * The tracking issue's markdown: the body (status, findings table, latest run, marker last) and
 * the change and closing comments. Pure functions of plain data; every API string goes through
 * the report's escaping module.
 */
/** GitHub rejects issue and comment bodies longer than this (characters). */
const BODY_LIMIT = 65_536;
/**
 * Kept below the limit: `length` counts UTF-16 units (never fewer than characters), and the
 * margin covers line endings counted as two should GitHub store them as CRLF.
 */
const BODY_BUDGET = BODY_LIMIT - 1536;
/** Most of the body the state may take; the table gets the rest and is cut first. */
const MARKER_BUDGET = 40_000;
/** Items listed per section of a comment before "…and N more". */
const COMMENT_LIST_LIMIT = 50;
function utc(iso) {
    return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
/** `GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID`, when all are set. */
function runUrlFromEnv(env = process.env) {
    const server = env.GITHUB_SERVER_URL;
    const repository = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    if (!server || !repository || !runId)
        return undefined;
    return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}
function runLink(runUrl, text) {
    // The URL is built from the runner's environment, not from API data; still, never let it
    // break the link syntax.
    return runUrl && /^https?:\/\/[^\s()<>]+$/.test(runUrl) ? `[${text}](${runUrl})` : '';
}
function resourceLabel(resource) {
    const name = resource.name ?? resource.id;
    return `${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(name)} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(resource.type)})`;
}
const IMPORTANCE = (f) => f.confirmed ? 3 : f.severity === 'error' ? 2 : f.severity === 'warning' ? 1 : 0;
/**
 * The state as it fits in MARKER_BUDGET: least important entries go first (unknown, warning,
 * pending error, then confirmed error), the oldest first within each; the workspace id and the
 * counters always stay. Returns the marker and how many entries were dropped.
 */
function fitMarker(state) {
    let marker = (0,_marker_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeMarker */ .J5)(state);
    if (marker.length <= MARKER_BUDGET)
        return { marker, dropped: 0 };
    const order = Object.entries(state.findings).sort(([, a], [, b]) => IMPORTANCE(a) - IMPORTANCE(b) || a.firstSeen.localeCompare(b.firstSeen));
    // Drop by estimated size first, then one by one, so huge states do not cost quadratic time.
    const sizes = order.map(([fp, f]) => JSON.stringify({ [fp]: f }).length + 1);
    let excess = marker.length - MARKER_BUDGET;
    let cut = 0;
    while (cut < order.length && excess > 0) {
        excess -= sizes[cut] ?? 0;
        cut++;
    }
    for (;;) {
        const findings = Object.fromEntries(order.slice(cut));
        marker = (0,_marker_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeMarker */ .J5)({ ...state, findings });
        if (marker.length <= MARKER_BUDGET || cut >= order.length)
            return { marker, dropped: cut };
        cut++;
    }
}
/** One cell never takes the table: the job summary has the full text. */
function shorten(text, max = 600) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/**
 * One row per resource (the report's to-do list): every problem on it, one fix per shared cause,
 * the Instantly page, and how long its oldest problem has failed.
 */
function row(todo, state, now) {
    const firstSeen = todo.findings
        .map((f) => state.findings[f.fingerprint]?.firstSeen)
        .filter((t) => t !== undefined)
        .sort()[0];
    const since = firstSeen ? (0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatElapsed */ .C7)(now.getTime() - Date.parse(firstSeen)) : 'new';
    const several = todo.findings.length > 1;
    const problems = todo.findings
        .map((f) => `${several ? `${_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .SEVERITY_EMOJI */ .xp[f.severity]} ` : ''}${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(shorten(f.message))} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCode */ .tn)(f.check)}`)
        .join('<br>');
    const fixes = todo.fixes.map((f) => (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(shorten(f))).join('<br>');
    const url = todo.link ? (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeUrl */ .Pl)(todo.link.url) : undefined;
    const link = url && todo.link ? `<br>[Open ${todo.link.label} in Instantly](${url})` : '';
    return `| ${todo.severity} | ${resourceLabel(todo.resource)}${link} | ${problems}<br>**Fix:** ${fixes} | ${since} |`;
}
function renderIssueBody(input) {
    const { report, state, now, runUrl } = input;
    const errors = report.findings.filter((f) => f.severity === 'error');
    const warnings = report.findings.filter((f) => f.severity === 'warning');
    const unknown = report.findings.length - errors.length - warnings.length;
    const name = (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(report.workspace?.name ?? state.workspaceId);
    const blind = state.blind?.announced ? state.blind : undefined;
    const failed = report.status === 'failed';
    const status = input.closed
        ? `## Instantly health: ${name} (this issue is closed)`
        : failed
            ? `## ⚫ Instantly health: ${name} cannot be checked`
            : errors.length > 0
                ? `## 🔴 Instantly health: ${name} is unhealthy`
                : `## 🟢 Instantly health: ${name} has no errors`;
    // A run that could not check found nothing: count what the state still tracks instead.
    const kept = Object.values(state.findings).filter((f) => f.confirmed).length;
    const counts = failed
        ? `**${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(kept, 'error')}** as last seen`
        : [
            `**${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(errors.length, 'error')}**`,
            (0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(warnings.length, 'warning'),
            ...(unknown > 0 ? [`${unknown} undecided (see the run)`] : []),
        ].join(', ');
    const outage = state.outageStartedAt
        ? ` · failing since ${utc(state.outageStartedAt)} (${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatElapsed */ .C7)(now.getTime() - Date.parse(state.outageStartedAt))})`
        : '';
    const head = [
        status,
        '',
        `${counts}${outage} · last checked ${utc(now.toISOString())}`,
        '',
        ...(blind ? blindSection(blind, now) : []),
    ];
    const { marker, dropped } = fitMarker(state);
    const link = runLink(runUrl, 'Latest run');
    let remediation = (0,_report_remediation_js__WEBPACK_IMPORTED_MODULE_4__/* .renderRemediationMarkdown */ .B5)(report.remediation);
    let trend = (0,_trend_js__WEBPACK_IMPORTED_MODULE_5__/* .renderTrendSection */ .rQ)(state.history ?? []);
    // Every part counts toward GitHub's limit: the remediation section, then the trend, give way
    // when they alone would not fit (the job summary still has both).
    const room = BODY_BUDGET - head.join('\n').length - marker.length - 2_000;
    if (remediation.length + trend.length > room)
        remediation = remediation ? OMITTED_REMEDIATION : '';
    if (remediation.length + trend.length > room)
        trend = '';
    const tail = [
        '',
        ...(remediation ? [remediation.trimEnd(), ''] : []),
        ...(trend ? [trend, ''] : []),
        ...(link ? [link, ''] : []),
        ...(dropped > 0
            ? [
                `_The tracking state keeps the ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(dropped, 'finding')} fewer than found: too many to store._`,
                '',
            ]
            : []),
        '_Updated by instantly-health on every run. Edits to this body are overwritten; the comment at the end keeps state between runs._',
        '',
        marker,
    ];
    // The to-do list: one row per resource, most urgent first.
    const shown = (0,_report_actions_js__WEBPACK_IMPORTED_MODULE_0__/* .toDoList */ .RW)([...errors, ...warnings]);
    const fixed = head.join('\n').length + tail.join('\n').length + 2;
    const lines = [];
    if (shown.length > 0) {
        lines.push('| Severity | Resource | Problems and fix | Failing for |', '|---|---|---|---|');
        const reserve = 120; // the "…and N more" line
        let used = fixed + lines.join('\n').length + reserve;
        let count = 0;
        for (const todo of shown) {
            const line = row(todo, state, now);
            if (used + line.length + 1 > BODY_BUDGET)
                break;
            lines.push(line);
            used += line.length + 1;
            count++;
        }
        if (count < shown.length) {
            lines.push('', `_…and ${shown.length - count} more not shown here (one row per resource): the job summary of the latest run lists them all._`);
        }
    }
    else {
        lines.push(failed
            ? `The latest run could not check the workspace: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(shorten(report.failure?.message ?? 'see the run'))}`
            : 'No error or warning findings in the latest run.');
    }
    return [...head, ...lines, ...tail].join('\n');
}
const OMITTED_REMEDIATION = '_The remediation section is too long for an issue body: see the job summary of the latest run._\n';
/** "Cannot check since …" (contract section 6): the findings below are the last ones seen. */
function blindSection(blind, now) {
    return [
        `### ⚫ Cannot check since ${utc(blind.since)} (${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatElapsed */ .C7)(now.getTime() - Date.parse(blind.since))})`,
        '',
        `${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(blind.runs, 'run')} in a row could not check everything: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(shorten(blind.cause))}`,
        '',
        'Findings are kept as last seen, not reset, until checking works again.',
        '',
    ];
}
/** The comment when a blind streak reaches `blind_threshold`, or ends. */
function renderBlindComment(plan, report, runUrl) {
    const link = runLink(runUrl, 'Run');
    const since = plan.blind?.since ? ` since ${utc(plan.blind.since)}` : '';
    const cause = plan.blind?.cause ? `: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(shorten(plan.blind.cause))}` : '.';
    const changed = plan.newErrors.length > 0 || plan.recovered.length > 0;
    const lines = plan.blind?.change === 'ended'
        ? [`Checking works again (it could not check${since}).`, '']
        : [
            `Cannot check${since}${cause}`,
            '',
            'Findings are kept as last seen until checking works again.',
            '',
        ];
    return clamp([
        ...lines,
        ...(changed
            ? [...list('New', plan.newErrors, report), ...list('Recovered', plan.recovered)]
            : []),
        `${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(plan.stillFailing, 'error')} still failing.${link ? ` ${link}` : ''}`,
    ].join('\n'));
}
function changeLine(change, report) {
    const finding = report?.findings.find((f) => f.fingerprint === change.fingerprint);
    const what = finding ? `: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(shorten(finding.message))}` : '';
    return `- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCode */ .tn)(change.check)} on ${resourceLabel(change.resource)}${what}`;
}
function list(title, changes, report) {
    if (changes.length === 0)
        return [];
    const shown = changes.slice(0, COMMENT_LIST_LIMIT).map((c) => changeLine(c, report));
    const more = changes.length - shown.length;
    return [`**${title}**`, '', ...shown, ...(more > 0 ? [`- …and ${more} more`] : []), ''];
}
/** The comment for a change in the set of errors (or a reopened issue). */
function renderChangeComment(plan, report, runUrl, reopened = false) {
    const link = runLink(runUrl, 'Run');
    const headline = reopened
        ? `Failing again: ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(plan.newErrors.length, 'new error')}.`
        : `The set of errors changed: ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(plan.newErrors.length, 'new error')}, ${plan.recovered.length} recovered.`;
    return clamp([
        headline,
        '',
        ...list('New', plan.newErrors, report),
        ...list('Recovered', plan.recovered),
        `${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(plan.stillFailing, 'error')} still failing.${link ? ` ${link}` : ''}`,
    ].join('\n'));
}
/** The comment posted before the issue closes. */
function renderClosingComment(plan, runUrl) {
    const link = runLink(runUrl, 'Latest run');
    const after = plan.outage.durationMs === null
        ? 'Recovered: no error finding remains.'
        : `Recovered after ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatElapsed */ .C7)(plan.outage.durationMs)}: no error finding remains.`;
    return clamp([after, '', ...list('Recovered', plan.recovered), ...(link ? [link] : [])].join('\n').trimEnd());
}
/** The comment left on a duplicate tracking issue before it is closed. */
function renderDuplicateComment(keptNumber) {
    return `Duplicate of #${keptNumber}: two runs opened a tracking issue for the same workspace at once. #${keptNumber} tracks it from now on.`;
}
function clamp(text) {
    return text.length <= BODY_BUDGET ? text : `${text.slice(0, BODY_BUDGET - 20)}\n\n_…cut short._`;
}


/***/ }),

/***/ 9043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J5: () => (/* binding */ serializeMarker),
/* harmony export */   t7: () => (/* binding */ readMarker)
/* harmony export */ });
/* unused harmony exports MARKER_VERSION, TrackedFinding, TrackingState */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4377);
/* harmony import */ var _model_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5235);
/* harmony import */ var _trend_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(750);



/**
 * The tracking state carried between runs in a hidden HTML comment at the end of the issue
 * body (contract section 5):
 *
 *   <!-- instantly-health:state v1 {"workspaceId":"…","outageStartedAt":…,"passingRuns":0,"findings":{…}} -->
 *
 * The issue body is the only storage a scheduled workflow keeps between runs, and people can
 * edit it, so everything read back is validated and anything unreadable becomes empty state
 * with a warning: the issue is still reused, never duplicated.
 */
const MARKER_VERSION = 1;
const MARKER_PREFIX = '<!-- instantly-health:state v';
const MARKER_PATTERN = /<!-- instantly-health:state v(\d+) ([\s\S]*?) -->/g;
const TrackedFinding = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    check: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    // Plain strings (not the report's enums): a state written by a build that knows a new suite or
    // resource type must still be readable.
    suite: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    /** Severity in the last run that reported it. */
    severity: _model_report_js__WEBPACK_IMPORTED_MODULE_0__/* .Severity */ .AI,
    resource: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ type: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }),
    /** When this finding was first seen in its current streak (ISO 8601). */
    firstSeen: zod__WEBPACK_IMPORTED_MODULE_3__/* .datetime */ .w$(),
    /** Consecutive runs in which it was an error (0 when it was not an error last run). */
    errorRuns: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0),
    /** Consecutive runs in which it was not an error (absent, or a lesser severity). */
    cleanRuns: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0),
    /** Reached `failure_threshold` and has not yet recovered for `success_threshold` runs. */
    confirmed: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
});
const TrackingState = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    workspaceId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
    /** When the current outage began (first error of the confirmed set); null while healthy. */
    outageStartedAt: zod__WEBPACK_IMPORTED_MODULE_3__/* .datetime */ .w$().nullable(),
    /** Consecutive runs without any error finding, capped at `success_threshold`. */
    passingRuns: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0),
    /** Keyed by finding fingerprint. */
    findings: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), TrackedFinding),
    /**
     * Key figures of the last runs, oldest first (trend.ts). Optional, so a v1 marker written
     * before trends existed is still read as v1; older builds ignore the field.
     */
    history: _trend_js__WEBPACK_IMPORTED_MODULE_1__/* .TrendHistory */ .MZ,
    /**
     * Consecutive runs that could not check (`failed`, or a suite blind; contract section 6).
     * Absent while checking works. Optional, so markers written before it are still v1.
     */
    blind: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        /** Consecutive blind runs, capped at `blind_threshold`. */
        runs: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1),
        /** The first blind run of the streak. */
        since: zod__WEBPACK_IMPORTED_MODULE_3__/* .datetime */ .w$(),
        /** The latest run's cause, one line. */
        cause: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        /** `blind_threshold` was reached: the issue says "cannot check since …". */
        announced: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
    })
        .optional(),
});
/**
 * JSON with `<`, `>`, `&`, `@` and `#` written as unicode escapes: still the same JSON, but it
 * can never contain `-->` (which would end the comment early) or `<!--`, and API text such as
 * `@user` or `#1` in it cannot mention anyone or link an issue, whatever the strings hold.
 */
function serializeMarker(state) {
    const json = JSON.stringify(state)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/@/g, '\\u0040')
        .replace(/#/g, '\\u0023');
    return `${MARKER_PREFIX}${MARKER_VERSION} ${json} -->`;
}
/** Reads the last marker of a body. Never throws. */
function readMarker(body) {
    const text = body ?? '';
    const matches = [...text.matchAll(MARKER_PATTERN)];
    const last = matches.at(-1);
    if (!last) {
        const truncated = text.includes(MARKER_PREFIX);
        return {
            present: truncated,
            state: null,
            workspaceId: null,
            warning: truncated
                ? 'the tracking state in the issue body is cut off (the marker has no end); starting from empty state'
                : 'the issue body has no tracking state (it was edited or removed); starting from empty state',
        };
    }
    const version = Number(last[1]);
    let payload;
    try {
        payload = JSON.parse(last[2] ?? '');
    }
    catch {
        return {
            present: true,
            state: null,
            workspaceId: null,
            warning: 'the tracking state in the issue body is not valid JSON (edited or truncated); starting from empty state',
        };
    }
    const workspaceId = typeof payload === 'object' &&
        payload !== null &&
        'workspaceId' in payload &&
        typeof payload.workspaceId === 'string' &&
        payload.workspaceId.length > 0
        ? payload.workspaceId
        : null;
    if (version !== MARKER_VERSION) {
        return {
            present: true,
            state: null,
            workspaceId,
            warning: `the tracking state was written by a ${version > MARKER_VERSION ? 'newer' : 'different'} version of instantly-health (state v${version}, this one reads v${MARKER_VERSION}); starting from empty state`,
        };
    }
    const parsed = TrackingState.safeParse(payload);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
        return {
            present: true,
            state: null,
            workspaceId,
            warning: `the tracking state in the issue body was edited and is invalid (${where}); starting from empty state`,
        };
    }
    return { present: true, state: parsed.data, workspaceId };
}


/***/ }),

/***/ 6861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GQ: () => (/* binding */ planEffects),
/* harmony export */   H2: () => (/* binding */ settleRace),
/* harmony export */   et: () => (/* binding */ plan)
/* harmony export */ });
/* unused harmony export blindCause */
/* harmony import */ var _model_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5235);
/* harmony import */ var _report_blind_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);


/** The cause of this run's blindness in one line, or null when it could check everything. */
function blindCause(report) {
    const blind = (0,_report_blind_js__WEBPACK_IMPORTED_MODULE_1__/* .blindSuites */ .v)(report);
    if (blind.length === 0)
        return null;
    return clip(blind.map((b) => `${b.suite}: ${b.why}`).join(' '), MAX_CAUSE);
}
/** The next blind streak, and what changed about it (pure: the counters of section 6). */
function nextBlind(previous, cause, threshold, nowIso) {
    if (cause === null) {
        return previous?.announced
            ? {
                state: undefined,
                change: { change: 'ended', since: previous.since, cause: previous.cause },
            }
            : { state: undefined, change: { change: 'none' } };
    }
    const runs = Math.min((previous?.runs ?? 0) + 1, Math.max(threshold, 1));
    const announced = previous?.announced === true || (threshold > 0 && runs >= threshold);
    const state = { runs, since: previous?.since ?? nowIso, cause, announced };
    return {
        state,
        change: {
            change: announced && previous?.announced !== true ? 'started' : 'none',
            since: state.since,
            cause,
        },
    };
}
/** Names and ids from the API can be long; the state keeps enough of them to name a recovery. */
const MAX_STORED_TEXT = 120;
const MAX_CAUSE = 400;
function clip(text, max = MAX_STORED_TEXT) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
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
        if (!seen || (0,_model_report_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(finding.severity, seen.severity) < 0) {
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
    const workspaceId = report.workspace?.id ?? context.workspaceId ?? previous?.workspaceId;
    const blind = nextBlind(previous?.blind, blindCause(report), config.blind_threshold, nowIso);
    const stillFailing = Object.values(previous?.findings ?? {}).filter((f) => f.confirmed).length;
    if (workspaceId === undefined) {
        return {
            action: 'none',
            nextState: previous,
            regressed: false,
            newErrors: [],
            recovered: [],
            stillFailing,
            outage: { startedAt: previous?.outageStartedAt ?? null, durationMs: null },
            reason: 'the report names no workspace and no issue identifies it; nothing to track',
            blind: { change: 'none' },
        };
    }
    // A `failed` report means nothing could be checked (bad key, API unreachable…): it says
    // nothing about whether the errors were fixed or new ones appeared. Closing would declare a
    // recovery nobody saw and counting the run would bend the thresholds, so the findings state
    // carries over untouched; only the blind streak counts, and at `blind_threshold` the issue
    // opens (or is updated) to say the workspace cannot be checked (contract section 6).
    if (report.status === 'failed') {
        const kept = previous ?? {
            workspaceId,
            outageStartedAt: null,
            passingRuns: 0,
            findings: {},
        };
        const action = blind.change.change === 'started'
            ? context.hasOpenIssue
                ? 'comment-and-update'
                : context.recentlyClosed
                    ? 'reopen'
                    : 'create'
            : context.hasOpenIssue
                ? 'update'
                : 'none';
        return {
            action,
            nextState: withBlind(kept, blind.state),
            regressed: false,
            newErrors: [],
            recovered: [],
            stillFailing,
            outage: { startedAt: previous?.outageStartedAt ?? null, durationMs: null },
            reason: `the run could not check the workspace (blind run ${blind.state?.runs ?? 1} of blind_threshold ${config.blind_threshold}); findings state carried over`,
            blind: blind.change,
        };
    }
    return withBlindAction(planFindings(previous, report, config, now, context, workspaceId), blind, context);
}
function withBlind(state, blind) {
    const rest = { ...state };
    delete rest.blind;
    return blind ? { ...rest, blind } : rest;
}
/** A run that checked something: the blind streak may start, go on or end alongside findings. */
function withBlindAction(planned, blind, context) {
    const nextState = planned.nextState ? withBlind(planned.nextState, blind.state) : null;
    let action = planned.action;
    if (blind.change.change === 'started') {
        if (action === 'none' && !context.hasOpenIssue) {
            action = context.recentlyClosed ? 'reopen' : 'create';
        }
        else if (action === 'update' || action === 'close') {
            action = 'comment-and-update';
        }
    }
    else if (blind.state?.announced && action === 'close') {
        // Part of the workspace cannot be seen: no recovery is declared for what nobody checked.
        action = 'update';
    }
    else if (blind.change.change === 'ended' && action === 'update') {
        action = 'comment-and-update';
    }
    return {
        ...planned,
        action,
        nextState,
        blind: blind.change,
        reason: action === planned.action
            ? planned.reason
            : `${planned.reason}; blind: ${blind.change.change}`,
    };
}
function planFindings(previous, report, config, now, context, workspaceId) {
    const nowIso = now.toISOString();
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
/** The parts of the state that decide opening and closing (what a closed issue must keep). */
function thresholdPart(state) {
    if (!state)
        return '';
    const counting = Object.entries(state.findings).filter(([, f]) => f.errorRuns > 0 || f.confirmed);
    return JSON.stringify([state.outageStartedAt, state.passingRuns, counting, state.blind ?? null]);
}
/** The plan's action as effects on the issues that exist. */
function planEffects(planned, issues) {
    const { open, lastClosed, state } = issues;
    const effects = issues.duplicates
        .filter((d) => d.number !== (open?.number ?? d.number))
        .map((d) => ({ kind: 'close-duplicate', issue: d.number, keep: open?.number ?? d.number }));
    switch (planned.action) {
        case 'create':
            effects.push({ kind: 'create', closed: false });
            break;
        case 'reopen':
            if (lastClosed) {
                effects.push({ kind: 'reopen', issue: lastClosed.number });
                effects.push({ kind: 'comment', issue: lastClosed.number, about: 'reopened' });
            }
            break;
        case 'update':
        case 'comment-and-update':
            if (open) {
                effects.push({ kind: 'rewrite', issue: open.number, closed: false });
                if (planned.action === 'comment-and-update') {
                    effects.push({ kind: 'comment', issue: open.number, about: 'change' });
                }
            }
            break;
        case 'close':
            // Closed first: should the comment then fail, the next run finds the issue closed and
            // does not say "Recovered" twice (the writes converge).
            if (open) {
                effects.push({ kind: 'close', issue: open.number });
                effects.push({ kind: 'comment', issue: open.number, about: 'closing' });
            }
            break;
        case 'none': {
            if (open || !state)
                break;
            const counting = thresholdPart(state) !== thresholdPart(lastClosed?.state ?? null);
            // The trend goes on while the workspace is healthy: the closed issue keeps it, so the
            // chart of the next outage shows the quiet runs before it too.
            const trending = lastClosed !== null &&
                JSON.stringify(state.history ?? []) !== JSON.stringify(lastClosed.state?.history ?? []);
            if (!counting && !trending)
                break;
            // failure_threshold > 1 counts failing runs before anything opens, and the only place a
            // scheduled workflow keeps state is an issue body. A closed tracking issue keeps it
            // silently (editing a body notifies nobody).
            if (lastClosed)
                effects.push({ kind: 'rewrite', issue: lastClosed.number, closed: true });
            else if (state.blind || Object.values(state.findings).some((f) => f.errorRuns > 0)) {
                // No issue exists yet to count in: create it closed, once per repository.
                effects.push({ kind: 'create', closed: true });
            }
            break;
        }
    }
    return effects;
}
/**
 * Two runs can both find no issue and both create one. After creating, the open issues are
 * listed again: the oldest one for the workspace is kept, and each run closes the one it
 * created if it is not that one, so whatever the interleaving, one stays open.
 */
function settleRace(openForWorkspace, created) {
    const sorted = [...openForWorkspace].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
    const keep = sorted[0] ?? created;
    const effects = sorted
        .slice(1)
        .filter((o) => o.number === created.number)
        .map((o) => ({ kind: 'close-duplicate', issue: o.number, keep: keep.number }));
    return { keep, effects };
}


/***/ }),

/***/ 750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ trendPoint),
/* harmony export */   K8: () => (/* binding */ appendTrend),
/* harmony export */   KA: () => (/* binding */ renderTrendSummary),
/* harmony export */   MZ: () => (/* binding */ TrendHistory),
/* harmony export */   rQ: () => (/* binding */ renderTrendSection)
/* harmony export */ });
/* unused harmony exports TREND_RUNS, TrendPoint, sparkline, FIGURES, sinceFigures, renderTrendChart */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4377);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);


/**
 * Health over time: the key figures of each run, kept in the tracking issue's marker (the last
 * TREND_RUNS runs), drawn as a mermaid `xychart-beta` chart in the issue body and as text
 * sparklines in the job summary, with "since" figures (first kept run → this run).
 * Everything here is pure: figures are derived from the Report alone.
 */
/** Runs kept in the state: about a month of daily runs, a few kilobytes of marker. */
const TREND_RUNS = 30;
const rate = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(1).nullable();
const TrendPoint = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** When the run finished (ISO 8601). */
    at: zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$(),
    errors: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0),
    warnings: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0),
    /**
     * The worst campaign bounce rate the checks flagged (a fraction); null when none was flagged
     * (every checked campaign under the warning threshold) or the campaigns suite did not run.
     */
    bounceRate: rate,
    /** The workspace's webhook delivery failure rate when flagged; null otherwise, as above. */
    webhookFailureRate: rate,
    /** Sending accounts with at least one error or warning finding. */
    unhealthyAccounts: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0),
});
/**
 * The history as stored: an edited or older history is dropped rather than making the whole
 * state unreadable (the findings matter more than the chart).
 */
const TrendHistory = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(TrendPoint).max(1000).optional().catch(undefined);
function numberIn(evidence, key) {
    const value = evidence[key];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
        ? value
        : undefined;
}
function worst(values) {
    const known = values.filter((v) => v !== undefined);
    return known.length === 0 ? null : Math.max(...known);
}
/** This run's figures; null for a run that could not check (it says nothing about health). */
function trendPoint(report) {
    if (report.status === 'failed')
        return null;
    const { findings } = report;
    const unhealthy = new Set(findings
        .filter((f) => f.resource.type === 'account' && (f.severity === 'error' || f.severity === 'warning'))
        .map((f) => f.resource.id));
    return {
        at: new Date(Date.parse(report.finishedAt) || Date.now()).toISOString(),
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        bounceRate: worst(findings
            .filter((f) => f.check === 'campaign.bounce-rate')
            .map((f) => numberIn(f.evidence, 'rate'))),
        webhookFailureRate: worst(findings
            .filter((f) => f.check === 'webhook.failure-rate')
            .map((f) => numberIn(f.evidence, 'failure_rate'))),
        unhealthyAccounts: unhealthy.size,
    };
}
/** The history with this run's point added, oldest first, the last TREND_RUNS kept. */
function appendTrend(history, point) {
    const all = [...(history ?? [])];
    if (point)
        all.push(point);
    return all.slice(-TREND_RUNS);
}
const BARS = '▁▂▃▄▅▆▇█';
/** `▁▂▅█`: one character per run, scaled from the lowest to the highest value; `·` = no value. */
function sparkline(values) {
    const known = values.filter((v) => v !== null);
    const min = Math.min(...known);
    const max = Math.max(...known);
    return values
        .map((v) => {
        if (v === null)
            return '·';
        if (max === min)
            return v === 0 ? BARS[0] : BARS[3];
        const index = Math.round(((v - min) / (max - min)) * (BARS.length - 1));
        return BARS[index] ?? BARS[0];
    })
        .join('');
}
const count = (v) => (v === null ? '—' : String(v));
const share = (v) => (v === null ? 'not flagged' : (0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .percent */ .KN)(v));
const FIGURES = [
    { label: 'Errors', value: (p) => p.errors, format: count },
    { label: 'Warnings', value: (p) => p.warnings, format: count },
    { label: 'Worst campaign bounce rate', value: (p) => p.bounceRate, format: share },
    { label: 'Webhook failure rate', value: (p) => p.webhookFailureRate, format: share },
    { label: 'Unhealthy accounts', value: (p) => p.unhealthyAccounts, format: count },
];
function day(iso) {
    return iso.slice(0, 10);
}
/** `errors 3 → 7 since 2026-11-23`, for each figure; empty with fewer than two runs. */
function sinceFigures(history) {
    const first = history[0];
    const last = history.at(-1);
    if (!first || !last || history.length < 2)
        return [];
    return FIGURES.map((f) => `${f.label.toLowerCase()} ${f.format(f.value(first))} → ${f.format(f.value(last))} since ${day(first.at)}`);
}
function table(history) {
    const first = history[0];
    const last = history.at(-1);
    if (!first || !last)
        return [];
    return [
        `| Figure | Last ${history.length} runs | Since ${day(first.at)} |`,
        '|---|---|---|',
        ...FIGURES.map((f) => `| ${f.label} | ${sparkline(history.map(f.value))} | ${f.format(f.value(first))} → ${f.format(f.value(last))} |`),
    ];
}
/** The job summary's compact trend: sparklines and "since" figures. Empty with fewer than two runs. */
function renderTrendSummary(history) {
    if (history.length < 2)
        return '';
    return ['### 📈 Trend', '', ...table(history), '', ''].join('\n');
}
/** Axis labels: the day, or the day and time when several kept runs share a day. */
function labels(history) {
    const days = history.map((p) => p.at.slice(5, 10));
    const unique = new Set(days).size === days.length;
    return history.map((p) => unique ? p.at.slice(5, 10) : `${p.at.slice(5, 10)} ${p.at.slice(11, 16)}`);
}
/**
 * A mermaid `xychart-beta` chart (GitHub renders it in issues): errors as bars, warnings as a
 * line (xychart has no legend, so the title says which is which). Only numbers and our own
 * timestamps go into it: nothing from the API.
 */
function renderTrendChart(history) {
    if (history.length < 2)
        return '';
    const errors = history.map((p) => p.errors);
    const warnings = history.map((p) => p.warnings);
    const top = Math.max(1, ...errors, ...warnings);
    return [
        '```mermaid',
        'xychart-beta',
        `    title "Errors (bars) and warnings (line), last ${history.length} runs"`,
        `    x-axis [${labels(history)
            .map((l) => `"${l}"`)
            .join(', ')}]`,
        `    y-axis "Findings" 0 --> ${top}`,
        `    bar [${errors.join(', ')}]`,
        `    line [${warnings.join(', ')}]`,
        '```',
    ].join('\n');
}
/** The issue body's trend section: the chart and the figures table. */
function renderTrendSection(history) {
    if (history.length < 2)
        return '';
    return ['### Trend', '', renderTrendChart(history), '', ...table(history), ''].join('\n');
}


/***/ }),

/***/ 4377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2857);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};

//# sourceMappingURL=523.index.js.map