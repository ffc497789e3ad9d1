import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../fixtures/arxiv');

/** A file of tests/fixtures/arxiv (see its README for where each comes from). */
export function arxivFixture(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}
