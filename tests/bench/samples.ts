import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from 'vitest';

/**
 * vitest's JSON output keeps no samples, only its own summary; the report wants quartiles of the
 * same samples as the browser benches. `sampled` times each call itself (wall clock, and the
 * process's CPU time next to it, which a busy machine inflates less) and, when `npm run bench`
 * runs it (BENCH_RAW_DIR set), writes the measured run's samples to `library/<key>.json` there.
 * Warm-up calls are timed too but dropped.
 */
export function sampled(
  key: string,
  work: () => unknown,
  options: BenchOptions = {},
): [() => Promise<void>, BenchOptions] {
  const wall: number[] = [];
  const cpu: number[] = [];
  const fn = async () => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  };
  return [
    fn,
    {
      ...options,
      setup: (task, mode) => {
        wall.length = cpu.length = 0;
        return options.setup?.(task, mode);
      },
      teardown: (task, mode) => {
        const dir = process.env.BENCH_RAW_DIR;
        if (mode === 'run' && dir) {
          mkdirSync(join(dir, 'library'), { recursive: true });
          writeFileSync(join(dir, 'library', `${key}.json`), JSON.stringify({ wall, cpu }));
        }
        return options.teardown?.(task, mode);
      },
    },
  ];
}
