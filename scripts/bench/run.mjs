#!/usr/bin/env node
// `npm run bench [-- --check] [-- <playwright args>]`: builds the extension, runs the library benches
// (vitest) and then the browser benches (Playwright), whose global teardown (report.ts) writes
// bench/results/latest.json and latest.md with every figure. With --check, exits non-zero when a
// budget is missed or a figure could not be measured. Other arguments go to Playwright (a file name
// or --grep, to run one browser bench while working on it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const playwrightArgs = args.filter((arg) => arg !== '--check');
const env = {
  ...process.env,
  BENCH_RAW_DIR: mkdtempSync(join(tmpdir(), 'paperpulse-bench-raw-')),
  // For the report: a busy machine inflates every absolute time (not the alternating comparisons as much).
  BENCH_LOAD_AT_START: loadavg()[0].toFixed(2),
};

function run(command, commandArgs) {
  console.log(`\n$ ${command} ${commandArgs.join(' ')}`);
  const { status } = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  return status ?? 1;
}

const started = Date.now();
if (run('npx', ['wxt', 'build']) !== 0) process.exit(1);
const library = run('npx', ['vitest', 'bench', '--run', '-c', 'scripts/bench/vitest.config.ts']);
const browser = run('npx', ['playwright', 'test', '-c', 'scripts/bench', ...playwrightArgs]);
console.log(`\nBench finished in ${((Date.now() - started) / 60_000).toFixed(1)} min.`);

if (library !== 0 || browser !== 0) {
  console.error('Some benches failed: their figures are missing from bench/results/latest.md.');
}
if (check) {
  const { machine, checks } = JSON.parse(readFileSync('bench/results/latest.json', 'utf8'));
  if (Date.parse(machine.date) < started) {
    console.error('bench/results/latest.json was not written by this run.');
    process.exit(1);
  }
  const missed = checks.filter((entry) => entry.ok !== true);
  for (const entry of missed) console.error(`✗ ${entry.figure}: ${entry.measured} (budget ${entry.budget})`);
  if (missed.length || library !== 0 || browser !== 0) process.exit(1);
  console.log(`✓ every budget met (${checks.length} checks)`);
}
process.exit(library !== 0 || browser !== 0 ? 1 : 0);
