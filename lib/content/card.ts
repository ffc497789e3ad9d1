import { formatDay } from '../format';
import type { PaperStatus } from '../messaging/contract';
import type { PaperRef } from '../paper/ref';
import { huggingFacePaperUrl, isHttpUrl } from '../url';
import { h } from './dom';

export interface CardState {
  ref: PaperRef;
  status?: PaperStatus;
  /** The worker could not answer: the bookmark still works, the feed line says so. */
  error?: string;
}

function link(href: string | undefined, text: string, label?: string) {
  return isHttpUrl(href)
    ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'aria-label': label }, text)
    : null;
}

/**
 * A bookmark toggle: its name stays the same and `aria-pressed` says the state (a name that flips
 * with the state reads as a double negative). Update it with `showBookmarked`, in place, so that
 * keyboard focus stays on it.
 */
export function bookmarkButton(label: string, onToggle: () => void, short = false): HTMLButtonElement {
  const button = h('button', { type: 'button', 'aria-label': label });
  if (short) button.dataset.short = '';
  button.addEventListener('click', onToggle);
  return button;
}

export function showBookmarked(button: HTMLButtonElement, bookmarked: boolean): void {
  button.setAttribute('aria-pressed', String(bookmarked));
  button.title = bookmarked ? 'Bookmarked in PaperPulse (click to remove)' : 'Bookmark in PaperPulse';
  const short = 'short' in button.dataset;
  button.textContent = short ? (bookmarked ? '★' : '☆') : bookmarked ? '★ Bookmarked' : '☆ Bookmark';
}

function feedLine({ ref, status, error }: CardState) {
  const feed = status?.feed;
  if (feed) {
    const day = formatDay(feed.date, { weekday: false });
    return [
      h(
        'span',
        { class: 'rank' },
        feed.rank ? `#${feed.rank} on Daily Papers, ${day}` : `On Daily Papers, ${day}`,
      ),
      h('span', { class: 'upvotes', title: `${feed.upvotes} upvotes` }, `▲ ${feed.upvotes}`),
      // Words, not an emoji: emoji fonts are missing on many Linux desktops.
      h('span', { class: 'comments' }, `${feed.numComments} comment${feed.numComments === 1 ? '' : 's'}`),
      h(
        'span',
        { class: 'links' },
        link(huggingFacePaperUrl(feed.arxivId), 'Hugging Face', 'Open on Hugging Face'),
        link(feed.githubRepo, 'Code', 'Code repository'),
        link(feed.projectPage, 'Project', 'Project page'),
      ),
    ];
  }
  const lookup = ref.arxivId
    ? huggingFacePaperUrl(ref.arxivId)
    : `https://huggingface.co/papers?q=${encodeURIComponent(ref.title ?? '')}`;
  return [
    h(
      'span',
      { class: 'muted not-in-feed' },
      error ? 'Daily Papers status unavailable' : 'Not on Daily Papers recently',
      ' · ',
      link(lookup, 'Look it up on Hugging Face'),
    ),
  ];
}

/**
 * Renders the card into `root`: built once, then only the feed line and the button's state change,
 * so a keyboard user's focus stays on the button.
 */
export function renderCard(root: ShadowRoot, state: CardState, dark: boolean, onToggle: () => void): void {
  let card = root.querySelector<HTMLElement>('.card');
  if (!card) {
    card = h(
      'div',
      { class: dark ? 'card dark' : 'card', role: 'region', 'aria-label': 'PaperPulse' },
      h('span', { class: 'brand' }, 'PaperPulse'),
      h('span', { class: 'feed-line' }),
      bookmarkButton('Bookmark in PaperPulse', onToggle),
    );
    root.append(card);
  }
  card.querySelector('.feed-line')!.replaceChildren(...feedLine(state));
  showBookmarked(
    card.querySelector('button[aria-label="Bookmark in PaperPulse"]')!,
    !!state.status?.bookmarked,
  );
}
