/**
 * Ends a test run with the tests it skipped, each with its reason (a server adapter without its
 * server says so in its suite name), then one plain line that CI and people read alike:
 * `tests: N passed, N failed, N skipped`. Written as the process exits, because jest prints its
 * own summary after every reporter.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults
      .flatMap((file) => file.testResults)
      .filter((test) => test.status === 'pending' || test.status === 'todo')
      .map((test) => `skipped: ${test.fullName}\n`);
    const total = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${total} skipped\n`;
    process.once('exit', () => process.stderr.write(skipped.join('') + line));
  }
}

module.exports = SummaryReporter;
