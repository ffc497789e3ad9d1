import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config';

// The library half of `npm run bench`: the project's vitest setup, one bench file at a time (two
// files timing at once on two cores would time each other).
export default mergeConfig(
  base,
  defineConfig({ test: { fileParallelism: false, benchmark: { include: ['tests/bench/**/*.bench.ts'] } } }),
);
