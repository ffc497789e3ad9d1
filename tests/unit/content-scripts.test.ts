import { describe, expect, it } from 'vitest';
import arxivScript from '@/entrypoints/arxiv.content';
import paperScript from '@/entrypoints/paper.content';
import { contentScriptMatches, SITE_DESCRIPTORS } from '@/lib/sites';

/**
 * The manifest's two content scripts (arXiv's, and every other site's) share the sites between
 * them: together they run on exactly the descriptors' matches, each page gets one of them, and
 * each carries only its own sites' descriptors (tests/unit/architecture.test.ts checks the code).
 */
describe('the content scripts', () => {
  const arxiv = arxivScript.matches as string[];
  const others = paperScript.matches as string[];

  it('run on exactly the sites’ matches, between them', () => {
    expect([...arxiv, ...others].sort()).toEqual([...contentScriptMatches()].sort());
  });

  it('never both run on one page', () => {
    expect(arxiv.filter((match) => others.includes(match))).toEqual([]);
  });

  it('give arXiv its own script, and every other site to the other', () => {
    const arxivSite = SITE_DESCRIPTORS.find((site) => site.id === 'arxiv')!;
    expect(arxiv.every((match) => arxivSite.hosts.some((host) => match.startsWith(`https://${host}/`)))).toBe(
      true,
    );
    for (const site of SITE_DESCRIPTORS.filter((site) => site.id !== 'arxiv'))
      expect(others.some((match) => match.startsWith(`https://${site.hosts[0]}/`))).toBe(true);
  });

  it('start as the page is parsed, so the card is in its first layout', () => {
    expect(arxivScript.runAt).toBe('document_start');
    expect(paperScript.runAt).toBe('document_start');
  });
});
