import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What each bench hands to the report: tables to print, budget checks, and the raw numbers. Every
 * bench writes its own file into BENCH_RAW_DIR (a fresh temp dir per `npm run bench`), and the report
 * merges them into bench/results/latest.{json,md}. A bench that crashed writes nothing, and the
 * report says which figures are missing (which fails `--check`).
 */
export interface Table {
  /** Sort key in the report. */
  order: number;
  title: string;
  /** How it was measured, printed under the title. */
  note?: string;
  columns: string[];
  rows: string[][];
}

export interface Check {
  figure: string;
  measured: string;
  budget: string;
  /** null: could not be measured this run. */
  ok: boolean | null;
}

export interface BenchResult {
  tables: Table[];
  checks: Check[];
  data: Record<string, unknown>;
}

export function rawDir(): string {
  process.env.BENCH_RAW_DIR ??= mkdtempSync(join(tmpdir(), 'paperpulse-bench-raw-'));
  mkdirSync(process.env.BENCH_RAW_DIR, { recursive: true });
  return process.env.BENCH_RAW_DIR;
}

export function writeResult(name: string, result: BenchResult): void {
  writeFileSync(join(rawDir(), `${name}.json`), JSON.stringify(result, null, 2));
}

/** Every bench's result of this run, by name (the file names `writeResult` chose). */
export function readResults(): Record<string, BenchResult> {
  const dir = rawDir();
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file.slice(0, -'.json'.length), JSON.parse(readFileSync(join(dir, file), 'utf8'))]),
  );
}

export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
export const signedMs = (value: number, digits = 1) =>
  `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)} ms`;
/** KB of 1,024 bytes, as the budgets are written. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
