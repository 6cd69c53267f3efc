/** The tool's version, reported in the User-Agent and the JSON report. A test keeps it equal to package.json's. */
export const VERSION = '1.0.0';
export const TOOL_NAME = 'instantly-health';
