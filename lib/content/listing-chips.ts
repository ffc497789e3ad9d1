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

/**
 * A chip per entry, put in at once so that the chips are part of the page's first layout: a
 * bookmark button, then, when the one request for the whole list is answered, the button's state
 * and the upvotes of the papers in the cached feed. Returns the unmount function.
 */
export function mountListingChips(doc: Document, entries: ListingEntry[]): () => void {
  const chips = new Map(
    entries.map((entry) => {
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
      return [arxivKey(entry.arxivId), { host, root, button, show }] as const;
    }),
  );
  const unmount = () => {
    unwatch();
    for (const { host } of chips.values()) host.remove();
  };
  const unwatch = watchBroadcasts((event) => chips.get(event.key)?.show(event.bookmarked));

  // The contract takes a limited number of ids a message; arXiv lists can show 2,000.
  const ids = entries.map((entry) => entry.arxivId);
  const size = PAGE_LIMITS.idsPerMessage;
  for (let i = 0; i < ids.length; i += size) {
    const arxivIds = ids.slice(i, i + size);
    sendMessage('paper.statusMany', { arxivIds })
      .then((answer) => {
        if (answer.off) return unmount();
        if (answer.words) installMessages(answer.words);
        for (const id of arxivIds) {
          const chip = chips.get(arxivKey(id));
          const item = answer.items[id];
          chip?.show(!!item?.bookmarked);
          if (chip && item?.feed)
            chip.root.prepend(
              h(
                'span',
                { class: 'chip upvotes', title: tp('chipUpvotes', item.feed.upvotes) },
                String(item.feed.upvotes),
              ),
            );
        }
      })
      // No answer: the buttons still work, named with the browser's own copy of the words.
      .catch(() => arxivIds.forEach((id) => chips.get(arxivKey(id))?.show(false)));
  }
  return unmount;
}
