import { expect, type Page } from '@playwright/test';
import { findAll, hasClass, InPageUi, type UiElement } from './closed-shadow';

export const CARD = 'paperpulse-annotation';
export const CHIP = 'paperpulse-chip';

/** What a user sees of the card on a page, read through the DevTools protocol (its root is closed). */
export interface CardView {
  count: number;
  shadowRootType?: string;
  text: string;
  classes: string;
  button?: UiElement;
  pressed?: string;
  upvotes?: string;
  rank?: string;
  notInFeed?: string;
  notice?: string;
  links: { text: string; href: string }[];
}

const byClass = (host: UiElement, name: string) => findAll(host, hasClass(name))[0];

export async function readCard(ui: InPageUi): Promise<CardView> {
  const hosts = await ui.hosts(CARD);
  const host = hosts[0];
  if (!host) return { count: 0, text: '', classes: '', links: [] };
  const button = findAll(host, (element) => element.localName === 'button' && hasClass('toggle')(element))[0];
  return {
    count: hosts.length,
    shadowRootType: host.shadowRootType,
    text: host.text,
    classes: byClass(host, 'card')?.attributes.class ?? '',
    button,
    pressed: button?.attributes['aria-pressed'],
    upvotes: byClass(host, 'upvotes')?.text,
    rank: byClass(host, 'rank')?.text,
    notInFeed: byClass(host, 'not-in-feed')?.text,
    notice: byClass(host, 'notice-line')?.text,
    links: findAll(host, (element) => element.localName === 'a').map((a) => ({
      text: a.text,
      href: a.attributes.href ?? '',
    })),
  };
}

/** Waits until the card has answered from the worker (the feed line is filled in). */
export async function waitForCard(ui: InPageUi, message?: string): Promise<CardView> {
  await expect
    .poll(
      async () => {
        const card = await readCard(ui);
        return card.count === 1 && !!card.pressed && !!(card.upvotes || card.notInFeed);
      },
      { message },
    )
    .toBe(true);
  return readCard(ui);
}

/** Presses the card's bookmark button with a real mouse click, and waits for the state to flip. */
export async function clickBookmark(ui: InPageUi): Promise<CardView> {
  const before = await readCard(ui);
  if (!before.button) throw new Error('no bookmark button on the card');
  await ui.click(before.button);
  await expect.poll(async () => (await readCard(ui)).pressed).not.toBe(before.pressed);
  return readCard(ui);
}

export async function pageUi(page: Page): Promise<InPageUi> {
  return InPageUi.of(page);
}

/** Each listing chip: its upvote label, its button and the button's state. */
export async function readChips(ui: InPageUi) {
  return (await ui.hosts(CHIP)).map((host) => {
    const button = findAll(
      host,
      (element) => element.localName === 'button' && hasClass('toggle')(element),
    )[0];
    return {
      host,
      shadowRootType: host.shadowRootType,
      upvotes: byClass(host, 'chip')?.text,
      button,
      pressed: button?.attributes['aria-pressed'],
      label: button?.attributes['aria-label'],
    };
  });
}
