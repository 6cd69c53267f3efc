import process from 'node:process';

/**
 * Ends every jest run with the plain line `N passed, N failed` (and skipped), which CI
 * systems that do not parse jest's own output read as the run's result.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`\n${line}\n`);
  }
}
