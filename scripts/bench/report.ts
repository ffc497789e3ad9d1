import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { format, resolveConfig } from 'prettier';
import { libraryResult } from './library';
import { readResults, type BenchResult, type Check, type Table } from './results';

/**
 * Merges what every bench of this run wrote into bench/results/latest.json and latest.md, with the
 * machine described. Runs as the Playwright config's global teardown, after the browser benches
 * (scripts/bench/run.mjs has run the library benches before them). A bench that wrote nothing leaves
 * its figures "not measured", which `--check` treats as a miss.
 */

const EXPECTED = ['sizes', 'page-load', 'popup', 'background', 'library'];
const OUT_DIR = 'bench/results';

function machine() {
  const cpus = os.cpus();
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  let browser = 'unknown';
  try {
    browser = execFileSync(chromium, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    // reported as unknown
  }
  const release = existsSync('/etc/os-release')
    ? /PRETTY_NAME="([^"]*)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]
    : undefined;
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
    os: release ?? `${os.type()} ${os.release()}`,
    chromium: browser,
    node: process.version,
    date: new Date().toISOString(),
    loadAtStart: process.env.BENCH_LOAD_AT_START ? Number(process.env.BENCH_LOAD_AT_START) : undefined,
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

const escape = (cell: string) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ');
const markdownTable = (columns: string[], rows: string[][]) =>
  [
    `| ${columns.map(escape).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');

const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'ok' : '**missed**');

export async function writeReport(): Promise<{ checks: Check[] }> {
  const results: Record<string, BenchResult> = readResults();
  const library = libraryResult();
  if (library) results.library = library;
  const checks: Check[] = [];
  const tables: Table[] = [];
  for (const name of EXPECTED) {
    const result = results[name];
    if (!result) {
      checks.push({
        figure: `${name} figures`,
        measured: 'not measured (its bench failed or was not run)',
        budget: '—',
        ok: null,
      });
      continue;
    }
    checks.push(...result.checks);
    tables.push(...result.tables);
  }
  tables.sort((a, b) => a.order - b.order);
  const about = machine();
  const peers = (results['page-load']?.data.browsers as { label: string; kind: string }[] | undefined)
    ?.filter((browser) => browser.kind === 'peer')
    .map((browser) => browser.label);

  mkdirSync(OUT_DIR, { recursive: true });
  // Formatted as the project formats everything, so that `npm run check` passes with them committed.
  const write = async (file: string, text: string) =>
    writeFileSync(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
  await write(
    `${OUT_DIR}/latest.json`,
    JSON.stringify({
      machine: about,
      peers: peers ?? [],
      checks,
      tables,
      data: Object.fromEntries(Object.entries(results).map(([name, result]) => [name, result.data])),
    }),
  );
  const markdown = [
    '# PaperPulse bench: latest run',
    '',
    `${about.date.slice(0, 16).replace('T', ' ')} UTC · ${about.cpu}, ${about.cores} cores, ${about.memory} · ` +
      `${about.os} · ${about.chromium} · Node.js ${about.node} · load average ${about.loadAtStart ?? '?'} at the start, ` +
      `${about.loadAverage.join(' / ')} (1 / 5 / 15 min) at the end`,
    '',
    ...(Math.max(about.loadAtStart ?? 0, ...about.loadAverage) > about.cores
      ? [
          `**The machine was busy** (load above its ${about.cores} cores): absolute times are inflated; the ` +
            'figures taken against a baseline in the same alternating run (added ms, ratios) much less so.',
          '',
        ]
      : []),
    peers?.length
      ? `Peers measured in this run (BENCH_PEERS, unpacked folders, not part of the project): ${peers.join(', ')}.`
      : 'No peers measured in this run (set BENCH_PEERS to unpacked extension folders).',
    '',
    '`npm run bench` writes this file; `npm run bench -- --check` fails when a budget is missed.',
    '',
    '## Budgets',
    '',
    markdownTable(
      ['figure', 'measured', 'budget', ''],
      checks.map((check) => [check.figure, check.measured, check.budget, verdict(check.ok)]),
    ),
    '',
    ...tables.flatMap((table) => [
      `## ${table.title}`,
      '',
      ...(table.note ? [table.note, ''] : []),
      markdownTable(table.columns, table.rows),
      '',
    ]),
  ].join('\n');
  await write(`${OUT_DIR}/latest.md`, markdown);
  console.log(`\n${markdown}\nWrote ${OUT_DIR}/latest.json and ${OUT_DIR}/latest.md`);
  return { checks };
}

export default async function globalTeardown(): Promise<void> {
  await writeReport();
}
