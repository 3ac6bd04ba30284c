/**
 * Ends a test run with one plain line, `tests: N passed, N failed, N skipped`, that CI and people
 * read alike; skipped suites (a server adapter without its server) are counted, never hidden.
 * Written as the process exits, because jest prints its own summary after every reporter.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}

module.exports = SummaryReporter;
