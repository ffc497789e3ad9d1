import type { Tabs } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storeDay } from '@/lib/feed/store';
import { createBookmarkWriter } from '@/lib/storage/bookmarks';
import { PaperPulseDB } from '@/lib/storage/db';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { updateBadge } from '@/lib/worker/badge';
import { createBadgeFlash, FLASH_MARKS, FLASH_MS } from '@/lib/worker/badge-flash';
import { TOGGLE_COMMAND } from '@/lib/worker/commands';
import { createQuickSave } from '@/lib/worker/quick-save';
import {
  confirmationNotice,
  CONFIRMATION_ID,
  createSaveConfirmation,
  type SaveOutcome,
} from '@/lib/worker/save-confirmation';
import { createTabPapers } from '@/lib/worker/tab-papers';

const NOW = Date.parse('2026-11-23T10:00:00Z');

let db: PaperPulseDB;
beforeEach(async () => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
  // Three new papers: the normal badge says 3.
  const papers = ['2411.00001', '2411.00002', '2411.00003'].map((id) => ({
    id,
    title: `Paper ${id}`,
    summary: '',
    authors: [],
    upvotes: 1,
    numComments: 0,
  }));
  await storeDay(db, { date: '2026-11-22', papers, dropped: [] }, NOW);
  await updateBadge(db, DEFAULT_SETTINGS);
});
afterEach(async () => {
  await db.delete();
});

const badge = () => fakeBrowser.action.getBadgeText({});
const badgeColor = () => fakeBrowser.action.getBadgeBackgroundColor({});

/** A clock and timers the test moves by hand: a worker "stopped" is one whose timers never run. */
function handClock() {
  let time = NOW;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => time,
    setTimer: (run: () => void, ms: number) => void timers.push({ at: time + ms, run }),
    pending: () => timers.length,
    advance(ms: number) {
      time += ms;
      for (const timer of timers.filter((t) => t.at <= time)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
    },
  };
}

function flasher(clock: ReturnType<typeof handClock>) {
  return createBadgeFlash({
    action: fakeBrowser.action,
    session: fakeBrowser.storage.session,
    now: clock.now,
    setTimer: clock.setTimer,
    restore: () => updateBadge(db, DEFAULT_SETTINGS),
  });
}

describe('the badge flash', () => {
  it('shows the mark for FLASH_MS, then the normal badge, colour included', async () => {
    expect(await badge()).toBe('3');
    const normalColor = await badgeColor();
    const clock = handClock();
    const done = flasher(clock).flash('added');
    await vi.waitFor(async () => expect(await badge()).toBe('✓'));
    expect(await badgeColor()).not.toEqual(normalColor);
    clock.advance(FLASH_MS - 1);
    expect(await badge()).toBe('✓');
    clock.advance(1);
    await done;
    expect(await badge()).toBe('3');
    expect(await badgeColor()).toEqual(normalColor);
    expect(FLASH_MS).toBeGreaterThanOrEqual(1500);
    expect(FLASH_MS).toBeLessThanOrEqual(3000);
  });

  it('a second flash is not cut short by the first one ending', async () => {
    const clock = handClock();
    const flash = flasher(clock);
    const first = flash.flash('added');
    await vi.waitFor(async () => expect(await badge()).toBe('✓'));
    clock.advance(1500);
    const second = flash.flash('removed');
    await vi.waitFor(async () => expect(await badge()).toBe('−'));
    clock.advance(500);
    await first;
    expect(await badge()).toBe('−');
    clock.advance(FLASH_MS);
    await second;
    expect(await badge()).toBe('3');
  });

  it('a worker stopped mid-flash: the next one puts the normal badge back when it wakes', async () => {
    const stopped = handClock();
    void flasher(stopped).flash('added');
    await vi.waitFor(async () => expect(await badge()).toBe('✓'));
    // The worker is stopped: its timer never runs. Later, a new worker starts.
    const next = handClock();
    next.advance(10_000);
    await flasher(next).settle();
    expect(await badge()).toBe('3');
  });

  it('a worker stopped a moment into a flash: the next one ends it when it was due', async () => {
    void flasher(handClock()).flash('not-a-paper');
    await vi.waitFor(async () => expect(await badge()).toBe('?'));
    const next = handClock();
    next.advance(500);
    const settled = flasher(next).settle();
    await vi.waitFor(() => expect(next.pending()).toBe(1));
    expect(await badge()).toBe('?');
    next.advance(FLASH_MS - 500);
    await settled;
    expect(await badge()).toBe('3');
  });

  it('with no flash under way, waking changes nothing', async () => {
    await fakeBrowser.action.setBadgeText({ text: '7' });
    await flasher(handClock()).settle();
    expect(await badge()).toBe('7');
  });

  it.each(Object.entries(FLASH_MARKS))('%s: one short mark', (_, { text }) => {
    expect(text).toMatch(/^.$/u);
  });
});

describe('the confirmation', () => {
  const outcomes: [SaveOutcome, string][] = [
    [{ kind: 'added', key: 'arxiv:1', title: 'A paper' }, 'Bookmarked in PaperPulse'],
    [{ kind: 'already', key: 'arxiv:1', title: 'A paper' }, 'Already in your PaperPulse bookmarks'],
    [{ kind: 'removed', key: 'arxiv:1', title: 'A paper' }, 'Removed from your PaperPulse bookmarks'],
    [{ kind: 'not-a-paper' }, 'PaperPulse found no paper here'],
    [{ kind: 'failed', reason: 'disk full' }, 'PaperPulse could not save this'],
  ];

  it.each(outcomes)(
    '%o → a notification titled %j when notifications are granted',
    async (outcome, title) => {
      const flash = vi.fn(async () => undefined);
      const confirm = createSaveConfirmation({
        flash,
        canNotify: async () => true,
        notify: (id, options) => fakeBrowser.notifications.create(id, options),
        iconUrl: 'chrome-extension://id/icon/128.png',
      });
      await confirm(outcome);
      const shown = await fakeBrowser.notifications.getAll();
      expect(Object.keys(shown)).toEqual([CONFIRMATION_ID]);
      expect(shown[CONFIRMATION_ID]).toMatchObject({
        type: 'basic',
        title,
        message: confirmationNotice(outcome).message,
      });
      expect(flash).toHaveBeenCalledTimes(1);
    },
  );

  it('without the permission: the badge alone, and nothing asks for it', async () => {
    const notify = vi.fn(async () => '');
    const flash = vi.fn(async () => undefined);
    const canNotify = vi.fn(async () => false);
    await createSaveConfirmation({ flash, canNotify, notify, iconUrl: '' })(outcomes[0]![0]);
    expect(canNotify).toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
    expect(flash).toHaveBeenCalledWith('added');
  });

  it('a permission check that fails counts as not granted', async () => {
    const notify = vi.fn(async () => '');
    await createSaveConfirmation({
      flash: async () => undefined,
      canNotify: () => Promise.reject(new Error('not in the manifest')),
      notify,
      iconUrl: '',
    })(outcomes[0]![0]);
    expect(notify).not.toHaveBeenCalled();
  });

  it('names the paper, and says a removed one can be restored', () => {
    expect(confirmationNotice({ kind: 'removed', key: 'arxiv:1', title: 'A paper' }).message).toMatch(
      /^A paper\n.*Recently removed.*30 days/,
    );
  });
});

describe('the shortcut on a tab with no paper, wired as the worker wires it', () => {
  it('flashes "?", writes nothing, and the normal badge comes back', async () => {
    const clock = handClock();
    const bookmarks = createBookmarkWriter({ db, now: clock.now, announce: async () => undefined });
    const notify = vi.fn(async () => '');
    const quickSave = createQuickSave({
      db,
      bookmarks,
      tabs: createTabPapers(fakeBrowser.storage.session),
      lookUp: async () => null,
      confirm: createSaveConfirmation({
        flash: flasher(clock).flash,
        canNotify: async () => false,
        notify,
        iconUrl: '',
      }),
    });
    const tab: Tabs.Tab = {
      id: 1,
      url: 'https://example.com/',
      index: 0,
      highlighted: false,
      active: true,
      pinned: false,
      incognito: false,
    };
    const done = quickSave.fromCommand(TOGGLE_COMMAND, tab);
    await vi.waitFor(async () => expect(await badge()).toBe('?'));
    expect(await db.bookmarks.count()).toBe(0);
    clock.advance(FLASH_MS);
    await done;
    expect(await badge()).toBe('3');
    expect(notify).not.toHaveBeenCalled();
  });
});
