import { describe, expect, it } from 'vitest';
import appsScript from '@/entrypoints/apps.content';
import arxivScript from '@/entrypoints/arxiv.content';
import paperScript from '@/entrypoints/paper.content';
import { contentScriptMatches, SITE_DESCRIPTORS } from '@/lib/sites';

/**
 * The manifest's three content scripts (arXiv's, the apps', and every other site's) share the
 * sites between them: together they run on exactly the descriptors' matches, each page gets one of
 * them, and each carries only its own sites' descriptors (tests/unit/architecture.test.ts checks
 * the code).
 */
describe('the content scripts', () => {
  const scripts = { arxiv: arxivScript, apps: appsScript, paper: paperScript };
  const matches = (script: { matches?: unknown }) => script.matches as string[];
  const runsOn = (script: { matches?: unknown }, host: string) =>
    matches(script).some((match) => match.startsWith(`https://${host}/`));

  it('run on exactly the sites’ matches, between them', () => {
    expect(Object.values(scripts).flatMap(matches).sort()).toEqual([...contentScriptMatches()].sort());
  });

  it('never two on one page', () => {
    const all = Object.values(scripts).flatMap(matches);
    expect(all.length).toBe(new Set(all).size);
  });

  it('give arXiv its own script, the apps theirs, and every other site the third', () => {
    for (const site of SITE_DESCRIPTORS) {
      const expected = site.id === 'arxiv' ? 'arxiv' : site.navigatesInPage ? 'apps' : 'paper';
      for (const [name, script] of Object.entries(scripts))
        expect(runsOn(script, site.hosts[0]!), `${site.id} in ${name}`).toBe(name === expected);
    }
  });

  it('start as the page is parsed, so the card is in its first layout', () => {
    for (const script of Object.values(scripts)) expect(script.runAt).toBe('document_start');
  });
});
