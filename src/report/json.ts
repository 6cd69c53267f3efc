import { Report } from '../model/report.js';

/**
 * The JSON report of contract section 4 (`report-path`, `--format json`). Strings from the API are
 * stored as received: escaping belongs to the renderers that show them. The report is passed
 * through the schema so defaults are filled in and nothing outside the contract leaks into the
 * file; should it not match (a bug upstream), it is written as given rather than lost.
 */
export function renderJson(report: Report): string {
  const parsed = Report.safeParse(report);
  return JSON.stringify(parsed.success ? parsed.data : report, null, 2) + '\n';
}
