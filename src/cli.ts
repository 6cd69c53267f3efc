#!/usr/bin/env node
// The CLI's entry: everything lives in src/cli/main.ts.
import { main } from './cli/main.js';
import { EXIT } from './report/verdict.js';
import { TOOL_NAME } from './version.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `${TOOL_NAME}: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = EXIT.couldNotCheck;
  },
);
