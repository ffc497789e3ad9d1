import { describe, expect, it } from 'vitest';
import { renderCard, type CardState } from '@/lib/content/card';
import { CARD_CSS, CHIP_CSS } from '@/lib/content/styles';
import { cardWords } from '@/lib/messaging/card-words';
import { installMessages } from '@/lib/i18n';

/**
 * The in-page card is laid out in the page's first layout, in the page's own font. A character that
 * font lacks (★, ☆, ▲, ✕ are in few text fonts) makes the browser search the system's fonts for
 * one that has it, in the middle of that layout: so the card's text keeps to Latin letters and
 * common punctuation, and its icons are drawn by its stylesheet.
 */
const COMMON = /^[\u0000-\u024f\u2000-\u206f]*$/u;

const inFeed: CardState = {
  ref: {
    key: 'arxiv:2410.17243',
    site: 'arxiv',
    arxivId: '2410.17243',
    title: 'Breaking the Memory Barrier',
  },
  status: {
    key: 'arxiv:2410.17243',
    bookmarked: true,
    feed: {
      date: '2026-12-01',
      rank: 2,
      upvotes: 64,
      numComments: 3,
      arxivId: '2410.17243',
      githubRepo: 'https://github.com/DAMO-NLP-SG/Inf-CLIP',
      projectPage: 'https://example.org/project',
    },
    watched: ['contrastive'],
    versionAlert: { version: 3, url: 'https://arxiv.org/abs/2410.17243v3', text: 'v3 available' },
  },
};

function drawn(state: CardState): ShadowRoot {
  installMessages(cardWords());
  const root = document.createElement('div').attachShadow({ mode: 'open' });
  renderCard(root, state, { toggle: () => undefined, dismiss: () => undefined });
  return root;
}

describe('the card’s text', () => {
  it('reads as a line with visible separators, the upvote mark drawn by the stylesheet', () => {
    const line = drawn(inFeed).querySelector('.feed-line')!.textContent!;
    expect(line).toBe('#2 on Daily Papers, Dec 1, 2026 · 64 · 3 comments · Hugging Face · Code · Project');
    expect(CARD_CSS).toMatch(/\.upvotes::before\{[^}]*content:""/);
  });

  it('keeps to characters every text font has, in every state', () => {
    const states: CardState[] = [
      { ref: inFeed.ref },
      inFeed,
      { ref: inFeed.ref, status: { key: inFeed.ref.key, bookmarked: false, feed: null } },
      { ref: inFeed.ref, error: 'the worker did not answer' },
    ];
    for (const state of states) {
      const root = drawn(state);
      const text = root.textContent!;
      const attributes = [...root.querySelectorAll('*')].flatMap((element) =>
        ['aria-label', 'title'].map((name) => element.getAttribute(name) ?? ''),
      );
      for (const value of [text, ...attributes]) expect(value).toMatch(COMMON);
    }
  });

  it('has no font of its own to look up, and no glyphs in its styles', () => {
    for (const css of [CARD_CSS, CHIP_CSS]) {
      expect(css).toMatch(COMMON);
      expect(css).not.toMatch(/system-ui|font-family:(?!inherit)/);
    }
  });
});
