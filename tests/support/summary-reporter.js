/**
 * Writes the run's totals to $TEST_SUMMARY_FILE (if set) so .ci/run can print the plain
 * "N passed, N failed" line CI reads.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.TEST_SUMMARY_FILE;
    if (!file) return;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    require('fs').writeFileSync(file, JSON.stringify({ passed: results.numPassedTests, failed }));
  }
}
module.exports = SummaryReporter;
