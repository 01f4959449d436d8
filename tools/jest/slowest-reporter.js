// Jest reporter: after the run, the slowest test files (10 by default, JEST_SLOWEST to change), so
// that what makes a suite long stays visible in every CI log.
class SlowestReporter {
  constructor(_globalConfig, options = {}) {
    this.count = Number(process.env.JEST_SLOWEST ?? options.count ?? 10);
  }

  onRunComplete(_contexts, results) {
    if (!this.count || results.testResults.length < 2) return;
    const files = results.testResults
      .map((r) => ({
        file: r.testFilePath.slice(process.cwd().length + 1),
        seconds: (r.perfStats.end - r.perfStats.start) / 1000,
        name: r.displayName?.name,
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, this.count);
    const total = results.testResults.reduce((sum, r) => sum + (r.perfStats.end - r.perfStats.start) / 1000, 0);
    const lines = files.map((f) => `  ${f.seconds.toFixed(1).padStart(7)} s  ${f.file}${f.name ? `  (${f.name})` : ''}`);
    process.stderr.write(
      `\nSlowest test files (${results.testResults.length} files, ${total.toFixed(0)} s summed over workers):\n${lines.join('\n')}\n`,
    );
  }
}

module.exports = SlowestReporter;
