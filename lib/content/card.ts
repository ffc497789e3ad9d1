import { formatDayPlain } from '../format';
import type { PaperStatus } from '../messaging/contract';
import type { PaperRef } from '../paper/ref';
import { huggingFacePaperUrl, isHttpUrl } from '../url';
import { t, tp } from '../i18n';
import { h, onTrustedClick } from './dom';
import { openLibraryButton } from './open-library';

export interface CardState {
  ref: PaperRef;
  status?: PaperStatus;
  /** The worker could not answer: the bookmark still works, the feed line says so. */
  error?: string;
  /** What the last click could not do, said next to the button until the next one. */
  notice?: { text: string; openLibrary?: boolean };
}

export interface CardActions {
  toggle: () => void;
  /** The "v3 available" alert was dismissed, or its link opened. */
  dismiss: () => void;
}

function link(href: string | undefined, text: string, label?: string) {
  return isHttpUrl(href)
    ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'aria-label': label }, text)
    : null;
}

/**
 * A bookmark toggle: its name stays the same and `aria-pressed` says the state (a name that flips
 * with the state reads as a double negative). Both labels are always there, stacked in one grid
 * cell with the other one hidden, so the button has one width whatever the state: the page around
 * it must not be able to tell from its size whether the paper is in the user's library. It starts
 * as its stars alone (drawn by ./styles.ts), before the worker's answer brings the words
 * (lib/messaging/card-words.ts);
 * `showBookmarked` names it and sets its state, in place, so that keyboard focus stays on it.
 */
export function bookmarkButton(onToggle: () => void): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'toggle' },
    h('span', { class: 'on', 'aria-hidden': 'true' }),
    h('span', { class: 'off', 'aria-hidden': 'true' }),
  );
  onTrustedClick(button, onToggle);
  return button;
}

/** The button's state and name; with `words`, its labels too (the card's; a chip keeps its stars). */
export function showBookmarked(
  button: HTMLButtonElement,
  bookmarked: boolean,
  label: string,
  words = false,
): void {
  button.setAttribute('aria-pressed', String(bookmarked));
  button.setAttribute('aria-label', label);
  button.title = t(bookmarked ? 'cardBookmarkedTitle' : 'cardBookmarkTitle');
  if (words) {
    button.firstChild!.textContent = t('cardBookmarked');
    button.lastChild!.textContent = t('cardBookmark');
  }
}

/** "#2 on Daily Papers, Dec 1, 2026 · ▲ 64 · 3 comments · Hugging Face · Code" (▲ drawn by ./styles.ts) */
function feedLine({ ref, status, error }: CardState): Node[] {
  const feed = status?.feed;
  if (feed) {
    const day = formatDayPlain(feed.date);
    const parts = [
      h('span', { class: 'rank' }, feed.rank ? t('cardRank', feed.rank, day) : t('cardOnDaily', day)),
      h('span', { class: 'upvotes', title: tp('cardUpvotes', feed.upvotes) }, String(feed.upvotes)),
      // Words, not an emoji: emoji fonts are missing on many Linux desktops.
      h('span', { class: 'comments' }, tp('cardComments', feed.numComments)),
      link(huggingFacePaperUrl(feed.arxivId), 'Hugging Face', t('cardOpenHuggingFace')),
      link(feed.githubRepo, t('cardCode'), t('cardCodeLabel')),
      link(feed.projectPage, t('cardProject'), t('cardProjectLabel')),
    ].filter((part): part is HTMLElement => !!part);
    // Separators are text, so the line reads (and copies) as "… · 64 · 3 comments" (▲ is drawn).
    return parts.flatMap((part, i) =>
      i ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), part] : [part],
    );
  }
  const lookup = ref.arxivId
    ? huggingFacePaperUrl(ref.arxivId)
    : `https://huggingface.co/papers?q=${encodeURIComponent(ref.title ?? '')}`;
  return [
    h(
      'span',
      { class: 'muted not-in-feed' },
      t(error ? 'cardUnavailable' : 'cardNotInFeed'),
      ' · ',
      link(lookup, t('cardLookUp')),
    ),
  ];
}

function noticeLine({ notice, ref }: CardState): Node[] {
  if (!notice) return [];
  const text = h('span', { class: 'notice' }, notice.text);
  return notice.openLibrary ? [text, document.createTextNode(' '), openLibraryButton(ref.key)] : [text];
}

/**
 * Renders the card into `root`: built once, then only the feed line, the notice and the button's
 * state change, so a keyboard user's focus stays on the button. Until the worker has answered (a
 * few milliseconds, often before the page is first painted) it is the frame alone: its words come
 * with the answer, and asking the browser for them any earlier would hold the page up while the
 * browser reads every message of the extension (lib/messaging/card-words.ts).
 */
export function renderCard(root: ShadowRoot, state: CardState, actions: CardActions): void {
  let card = root.querySelector<HTMLElement>('.card');
  if (!card) {
    const version = h('span', { class: 'version' });
    // The "v3 available" link and its dismiss button: either, clicked for real, dismisses.
    onTrustedClick(version, actions.dismiss);
    card = h(
      'div',
      { class: 'card', role: 'region', 'aria-label': 'PaperPulse' },
      h('span', { class: 'brand' }, 'PaperPulse'),
      h('span', { class: 'feed-line' }, '…'),
      bookmarkButton(actions.toggle),
      h('span', { class: 'notice-line', role: 'status' }),
      h('span', { class: 'watched' }),
      version,
    );
    root.append(card);
  }
  if (!state.status && !state.error) return;
  card.querySelector('.feed-line')!.replaceChildren(...feedLine(state));
  card.querySelector('.notice-line')!.replaceChildren(...noticeLine(state));
  // On the user's watched topics: a mark drawn over the card's border, taking no room, so that the
  // page cannot tell from the card's size what the user is interested in.
  const topics = state.status?.watched ?? [];
  const watched = card.querySelector<HTMLElement>('.watched')!;
  watched.textContent = topics.length ? t('cardWatched', topics.join(', ')) : '';
  // Drawn over the border too: only bookmarks have alerts, and the card's size must not say which.
  const alert = state.status?.versionAlert;
  const open = alert && link(alert.url, alert.text);
  card
    .querySelector('.version')!
    .replaceChildren(...(open ? [open, h('button', { 'aria-label': t('dismiss') }, '×')] : []));
  showBookmarked(
    card.querySelector<HTMLButtonElement>('button.toggle')!,
    !!state.status?.bookmarked,
    t('cardBookmarkTitle'),
    true,
  );
}
