export const id = 31;
export const ids = [31];
export const modules = {

/***/ 7031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   heartbeatAfter: () => (/* binding */ heartbeatAfter)
/* harmony export */ });
/* unused harmony exports heartbeatTarget, pingHeartbeat */
/* harmony import */ var _net_proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1987);
/* harmony import */ var _report_blind_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);


/** Pings after a run of these reports: `<url>` when every one could check everything. */
function heartbeatAfter(url, reports, options = {}) {
    const sawAll = reports.every((r) => (0,_report_blind_js__WEBPACK_IMPORTED_MODULE_1__/* .blindSuites */ .v)(r).length === 0);
    return pingHeartbeat(url, sawAll, options);
}
function heartbeatTarget(url, ok) {
    return ok ? url : `${url.replace(/\/+$/, '')}/fail`;
}
/** Returns a warning when the ping did not get a 2xx answer after one retry; never throws. */
async function pingHeartbeat(url, ok, options = {}) {
    const send = options.fetch ?? (0,_net_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .createProxyFetch */ .v)();
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


/***/ })

};
