import { LIMITS } from '../limits';
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
    title: entry.title?.slice(0, LIMITS.titleLength),
    authors: entry.authors?.slice(0, LIMITS.authors).map((name) => name.slice(0, LIMITS.authorLength)),
  };
}

/**
 * One request for the whole list, then a chip per entry: upvotes when the paper is in the cached
 * feed, and a bookmark button. Returns the unmount function.
 */
export async function mountListingChips(doc: Document, entries: ListingEntry[]): Promise<() => void> {
  if (entries.length === 0) return () => undefined;
  // The contract takes a limited number of ids a message; arXiv lists can show 2,000.
  const ids = entries.map((entry) => entry.arxivId);
  const size = LIMITS.idsPerMessage;
  const chunks = Array.from({ length: Math.ceil(ids.length / size) }, (_, i) =>
    ids.slice(i * size, (i + 1) * size),
  );
  const answers = await Promise.all(chunks.map((arxivIds) => sendMessage('paper.statusMany', { arxivIds })));
  if (answers.some((answer) => answer.off)) return () => undefined;
  const items = Object.assign(
    {},
    ...answers.map((answer) => answer.items),
  ) as (typeof answers)[number]['items'];

  const chips = new Map<string, { host: HTMLElement; show: (value: boolean) => void }>(
    entries.map((entry) => {
      const { host, root } = shadowHost(CHIP_TAG, CHIP_CSS);
      const feed = items[entry.arxivId]?.feed;
      let bookmarked = !!items[entry.arxivId]?.bookmarked;
      const notice = h('span', { class: 'notice', role: 'status' });
      const button = bookmarkButton(
        `Bookmark: ${entry.title ?? entry.arxivId}`,
        () => {
          const wanted = !bookmarked;
          show(wanted);
          notice.replaceChildren();
          sendMessage('bookmark.set', { ref: refOf(entry), bookmarked: wanted })
            .then(({ bookmarked: now, kept }) => {
              show(now);
              if (kept)
                notice.replaceChildren(' Has your notes: ', openLibraryButton(arxivKey(entry.arxivId)));
            })
            .catch((error: Error) => {
              show(!wanted);
              notice.textContent = ` Not saved: ${error.message}`;
            });
        },
        true,
      );
      const show = (value: boolean) => {
        bookmarked = value;
        showBookmarked(button, value);
      };
      const chip =
        feed &&
        h('span', { class: 'chip', title: `${feed.upvotes} upvotes on Daily Papers` }, `▲ ${feed.upvotes}`);
      show(bookmarked);
      root.append(...[chip, button, notice].filter((node): node is HTMLElement => !!node));
      entry.anchor.after(host);
      return [arxivKey(entry.arxivId), { host, show }];
    }),
  );

  const unwatch = watchBroadcasts((event) => chips.get(event.key)?.show(event.bookmarked));
  return () => {
    unwatch();
    for (const { host } of chips.values()) host.remove();
  };
}
