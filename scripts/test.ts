// `npm test`: type-check, lint, unit tests, the hub's tests (on PGlite and PostgreSQL), then end-to-end tests in real
// Chromium. Every stage runs even if an earlier one failed; the last line sums them as
// "N passed, N failed[, N skipped]" so CI can count the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const resultsDir = join(import.meta.dirname, '..', '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

/** A check that is one test: it passes or fails as a whole. */
function check(name: string, command: string, args: string[]): Tally {
  console.log(`\n▶ ${name}`);
  const ok = run(command, args) === 0;
  console.log(ok ? `✔ ${name}` : `✖ ${name} failed`);
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

/** A Vitest run, counted test by test from its JSON report. */
function vitest(name: string, extraArgs: string[]): Tally {
  console.log(`\n▶ ${name}`);
  const report = join(resultsDir, `${name}.json`);
  const status = run('npx', [
    'vitest',
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A suite that fails to load has no failed tests of its own; count it so it cannot pass unnoticed.
  const brokenSuites = json.numFailedTests === 0 && status !== 0 ? Math.max(1, json.numFailedTestSuites) : 0;
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests + brokenSuites,
    skipped: json.numPendingTests + json.numTodoTests,
  };
}

const stages: Tally[] = [
  check('typecheck', 'npx', ['tsc', '--noEmit']),
  check('lint', 'npx', ['biome', 'check', '.']),
  vitest('unit', []),
  vitest('hub', ['--config', 'server/vitest.config.ts']),
  vitest('e2e', ['--config', 'tests/e2e/vitest.config.ts']),
];
const total = stages.reduce((sum, stage) => ({
  passed: sum.passed + stage.passed,
  failed: sum.failed + stage.failed,
  skipped: sum.skipped + stage.skipped,
}));
console.log('');
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
