import { sendMessage } from '../messaging/send';
import type { PaperRef } from '../paper/ref';
import { watchBroadcasts } from '../messaging/watch';
import { installMessages, t } from '../i18n';
import { renderCard, type CardState } from './card';
import { shadowHost } from './dom';
import type { Pages } from './start';
import { CARD_CSS } from './styles';

export const CARD_TAG = 'paperpulse-annotation';

/**
 * Mounts the card after the page's title (or at the top of the page when the title is not there)
 * at once, so that it is part of the page's first layout, then asks the worker what it knows of
 * `ref` and fills the card in: the card keeps its size, so the answer costs the page no second
 * layout (unless the user turned this site off: then the card goes). Keeps the bookmark button
 * in step with changes made elsewhere. Returns the unmount function.
 */
export function mountPaperCard(doc: Document, ref: PaperRef, { sites, detect }: Pages): () => void {
  const { host, root } = shadowHost(CARD_TAG, CARD_CSS);
  const state: CardState = { ref };
  let disposed = false;
  const render = () => !disposed && renderCard(root, state, { toggle, dismiss });

  async function toggle() {
    const bookmarked = !state.status?.bookmarked;
    // What the page says now (single-page apps may have filled the title in since detection).
    const fresh = detect(location.href, doc);
    const current = fresh?.key === ref.key ? fresh : ref;
    state.status = { ...state.status, key: ref.key, feed: state.status?.feed ?? null, bookmarked };
    state.notice = undefined;
    render();
    try {
      const answer = await sendMessage('bookmark.set', { ref: current, bookmarked });
      state.status = { ...state.status, bookmarked: answer.bookmarked };
      if (answer.kept) {
        state.notice = { text: t('cardKept'), openLibrary: true };
      }
    } catch (error) {
      state.status = { ...state.status, bookmarked: !bookmarked };
      state.notice = { text: t('cardNotSaved', (error as Error).message) };
    }
    render();
  }

  function dismiss() {
    if (state.status) delete state.status.versionAlert;
    // Drawn again once the worker stored it (not at once: the link being opened must stay in place).
    void sendMessage('bookmark.dismissVersionAlert', { key: ref.key }).then(render, render);
  }

  const unwatch = watchBroadcasts((event) => {
    if (event.key !== ref.key || !state.status || state.status.bookmarked === event.bookmarked) return;
    state.status = { ...state.status, bookmarked: event.bookmarked };
    render();
  });

  const load = () =>
    sendMessage('paper.status', { ref })
      .then((status) => {
        if (status.words) installMessages(status.words);
        state.status = status;
        // A later answer supersedes an earlier failure (the worker was waking up, say).
        state.error = undefined;
      })
      .catch((error: Error) => (state.error = error.message))
      .finally(() => (state.status?.off ? host.remove() : render()));
  // Coming back to the tab: fresh numbers, and the worker learns this is the paper being read.
  const onVisible = () => doc.visibilityState === 'visible' && void load();
  doc.addEventListener('visibilitychange', onVisible);
  render();
  const anchor = sites.findTitleAnchor(doc, ref.site);
  if (anchor) anchor.after(host);
  else doc.body.prepend(host);
  void load();

  return () => {
    disposed = true;
    unwatch();
    doc.removeEventListener('visibilitychange', onVisible);
    host.remove();
  };
}
