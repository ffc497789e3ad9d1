import { installMessages, t, tp } from '../i18n';
import { PAGE_LIMITS } from '../limits';
import { arxivRef } from '../paper/arxiv-id';
import { arxivKey } from '../paper/key';
import { sendMessage } from '../messaging/send';
import type { PaperRef } from '../paper/ref';
import { watchBroadcasts } from '../messaging/watch';
import { bookmarkButton, showBookmarked } from './card';
import { h, shadowHost } from './dom';
import { openLibraryButton } from './open-library';
import type { ListingEntry } from '../sites/types';
import { CHIP_CSS } from './styles';

export const CHIP_TAG = 'paperpulse-chip';

function refOf(entry: ListingEntry): PaperRef {
  return {
    ...arxivRef({ id: entry.arxivId }, 'arxiv'),
    title: entry.title?.slice(0, PAGE_LIMITS.titleLength),
    authors: entry.authors
      ?.slice(0, PAGE_LIMITS.authors)
      .map((name) => name.slice(0, PAGE_LIMITS.authorLength)),
  };
}

/** Entries that fit on a first screen: a listing entry takes four lines or more. */
const FIRST_SCREEN = 10;

type Item = { bookmarked: boolean; feed: { upvotes: number } | null };

interface Chip {
  host: HTMLElement;
  root: ShadowRoot;
  show(bookmarked: boolean): void;
}

/**
 * A chip for each entry (a bookmark button, and the upvotes of the papers in the cached feed), put
 * in as the entry comes within a screen of the viewport: a listing shows up to 2,000 papers, and
 * a chip the reader never scrolls to costs the page its shadow root, styles and layout for
 * nothing (measured on a 50-entry listing: most of what PaperPulse cost its load). One request
 * for the whole list is sent at once; a chip is drawn with its answer when it is there, and
 * filled in when it comes. Returns the unmount function.
 */
export function mountListingChips(doc: Document, entries: ListingEntry[]): () => void {
  const chips = new Map<string, Chip>();
  const answers = new Map<string, Item>();
  let gone = false;

  function fill(chip: Chip, item: Item) {
    chip.show(item.bookmarked);
    if (item.feed && !chip.root.querySelector('.upvotes'))
      chip.root.prepend(
        h(
          'span',
          { class: 'chip upvotes', title: tp('chipUpvotes', item.feed.upvotes) },
          String(item.feed.upvotes),
        ),
      );
  }

  function mount(entry: ListingEntry) {
    const key = arxivKey(entry.arxivId);
    if (gone || chips.has(key)) return;
    const { host, root } = shadowHost(CHIP_TAG, CHIP_CSS);
    let bookmarked = false;
    const notice = h('span', { class: 'notice', role: 'status' });
    const button = bookmarkButton(() => {
      const wanted = !bookmarked;
      show(wanted);
      notice.replaceChildren();
      sendMessage('bookmark.set', { ref: refOf(entry), bookmarked: wanted })
        .then(({ bookmarked: now, kept }) => {
          show(now);
          if (kept)
            notice.replaceChildren(` ${t('chipHasNotes')} `, openLibraryButton(arxivKey(entry.arxivId)));
        })
        .catch((error: Error) => {
          show(!wanted);
          notice.textContent = ` ${t('cardNotSaved', error.message)}`;
        });
    });
    const show = (value: boolean) => {
      bookmarked = value;
      showBookmarked(button, value, t('chipBookmarkLabel', entry.title ?? entry.arxivId));
    };
    // Named once the answer has brought the words (the button works before).
    root.append(button, notice);
    entry.anchor.after(host);
    const chip = { host, root, show };
    chips.set(key, chip);
    const item = answers.get(key);
    if (item) fill(chip, item);
  }

  const byAnchor = new Map(entries.map((entry) => [entry.anchor, entry]));
  const near = new IntersectionObserver(
    (records) => {
      for (const record of records) {
        if (!record.isIntersecting) continue;
        near.unobserve(record.target);
        mount(byAnchor.get(record.target)!);
      }
    },
    // A screen above and below: chips are there before the reader scrolls to them.
    { rootMargin: '100% 0px' },
  );
  // The first entries at once, so that the chips on the first screen are in the page's first
  // layout and paint; the observer brings the others as they come near.
  entries.forEach((entry, index) => (index < FIRST_SCREEN ? mount(entry) : near.observe(entry.anchor)));

  const unmount = () => {
    gone = true;
    near.disconnect();
    unwatch();
    for (const { host } of chips.values()) host.remove();
  };
  const unwatch = watchBroadcasts((event) => {
    const item = answers.get(event.key);
    if (item) item.bookmarked = event.bookmarked;
    chips.get(event.key)?.show(event.bookmarked);
  });

  // The contract takes a limited number of ids a message; arXiv lists can show 2,000.
  const ids = entries.map((entry) => entry.arxivId);
  const size = PAGE_LIMITS.idsPerMessage;
  for (let i = 0; i < ids.length; i += size) {
    const arxivIds = ids.slice(i, i + size);
    // Each id's answer is kept for a chip drawn later, and fills the chip drawn already.
    const settle = (answered: (id: string) => Item) =>
      arxivIds.forEach((id) => {
        const key = arxivKey(id);
        const item = answered(id);
        answers.set(key, item);
        const chip = chips.get(key);
        if (chip) fill(chip, item);
      });
    sendMessage('paper.statusMany', { arxivIds })
      .then((answer) => {
        if (answer.off) return unmount();
        if (answer.words) installMessages(answer.words);
        settle((id) => ({
          bookmarked: !!answer.items[id]?.bookmarked,
          feed: answer.items[id]?.feed ?? null,
        }));
      })
      // No answer: the buttons still work, named with the browser's own copy of the words.
      .catch(() => settle(() => ({ bookmarked: false, feed: null })));
  }
  return unmount;
}
