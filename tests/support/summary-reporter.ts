// Adds one plain closing line, `Tests: N passed, N failed, N skipped`, that CI tools
// read whatever the runner, and before it how long each project (unit, build, e2e,
// faults) took on the wall clock, from its first test file queued to its last one
// finished, and all of them together (projects run side by side: their times overlap);
// the default reporter still prints the details.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private readonly spans = new Map<string, { start: number; end: number }>();

  onTestModuleQueued(module: TestModule) {
    const name = module.project.name || 'default';
    const now = performance.now();
    const span = this.spans.get(name);
    if (!span) this.spans.set(name, { start: now, end: now });
    else span.start = Math.min(span.start, now);
  }

  onTestModuleEnd(module: TestModule) {
    const span = this.spans.get(module.project.name || 'default');
    if (span) span.end = Math.max(span.end, performance.now());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && ![...module.children.allTests()].length) counts.failed++;
    }
    const seconds = (start: number, end: number) => `${((end - start) / 1000).toFixed(1)} s`;
    const spans = [...this.spans.values()];
    const times = [...this.spans].map(([name, { start, end }]) => `${name} ${seconds(start, end)}`);
    if (spans.length > 1) times.push(`all ${seconds(Math.min(...spans.map((s) => s.start)), Math.max(...spans.map((s) => s.end)))}`);
    if (times.length) process.stdout.write(`\nProjects (wall time): ${times.join(', ')}`);
    process.stdout.write(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
