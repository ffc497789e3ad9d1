import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openNotification } from '@/lib/worker/notification-clicks';
import { notificationId, notificationTarget, targetUrl } from '@/lib/worker/notification-target';
import { stubUnimplementedBackgroundApis } from './support/background-apis';

/** What a click on a notification opens: the id alone says, so a worker woken by the click knows. */

const extensionUrl = (path: string) => fakeBrowser.runtime.getURL(path);

describe('notification ids', () => {
  it.each([
    [{ kind: 'paper', id: '2611.27901' }, 'https://huggingface.co/papers/2611.27901'],
    [{ kind: 'paper', id: 'hep-th/9901001' }, 'https://huggingface.co/papers/hep-th%2F9901001'],
    [
      { kind: 'papers', ids: ['2611.27901', '2611.27902'] },
      'chrome-extension://test-extension-id/digest.html?papers=2611.27901%2C2611.27902',
    ],
    [{ kind: 'digest', week: '2026-11-27' }, 'chrome-extension://test-extension-id/digest.html'],
  ] as const)('%o opens %s', (target, url) => {
    const id = notificationId(target);
    expect(id.startsWith('paperpulse:')).toBe(true);
    const decoded = notificationTarget(id);
    expect(decoded).toEqual(target);
    expect(targetUrl(decoded!, extensionUrl)).toBe(url);
  });

  it.each([
    'another-extension:paper:2611.27901',
    'paperpulse:paper:javascript:alert(1)',
    'paperpulse:paper:2611.27901,2611.27902',
    'paperpulse:papers:',
    'paperpulse:papers:https://example.com',
    'paperpulse:unknown:2611.27901',
    'paperpulse',
  ])('ignores %j', (id) => {
    expect(notificationTarget(id)).toBeUndefined();
  });

  it('keeps only well-formed ids from a batch', () => {
    expect(notificationTarget('paperpulse:papers:2611.27901,../x,2611.27901,2611.27902')).toEqual({
      kind: 'papers',
      ids: ['2611.27901', '2611.27902'],
    });
  });
});

describe('openNotification', () => {
  it('opens the target in a tab and clears the notification', async () => {
    const id = notificationId({ kind: 'paper', id: '2611.27901' });
    await fakeBrowser.notifications.create(id, { type: 'basic', title: 't', message: 'm' });
    const opened: string[] = [];
    const url = await openNotification(id, {
      openTab: async (url) => opened.push(url),
      extensionUrl,
      clear: (id) => fakeBrowser.notifications.clear(id),
    });
    expect(url).toBe('https://huggingface.co/papers/2611.27901');
    expect(opened).toEqual([url]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('leaves notifications that are not ours alone', async () => {
    const opened: string[] = [];
    const url = await openNotification('someone-else', {
      openTab: async (url) => opened.push(url),
      extensionUrl,
      clear: async () => opened.push('cleared'),
    });
    expect(url).toBeUndefined();
    expect(opened).toEqual([]);
  });
});

describe('the background', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('[]', { headers: { 'content-type': 'application/json' } }),
    );
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    stubUnimplementedBackgroundApis();
  });
  // The database is left open: the worker's own start-up work may still be writing to it, and this
  // file's tests are the only ones in its environment.
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['paperpulse:paper:2611.27901', 'https://huggingface.co/papers/2611.27901'],
    [
      'paperpulse:papers:2611.27901,2611.27800',
      'chrome-extension://test-extension-id/digest.html?papers=2611.27901%2C2611.27800',
    ],
    ['paperpulse:digest:2026-11-27', 'chrome-extension://test-extension-id/digest.html'],
  ])('listens to clicks from its first turn: %s opens %s', async (id, url) => {
    const { default: background } = await import('@/entrypoints/background');
    background.main();
    await fakeBrowser.notifications.create(id, { type: 'basic', title: 't', message: 'm' });
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(async () => {
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(url);
    });
    await vi.waitFor(async () => expect(await fakeBrowser.notifications.getAll()).toEqual({}));
  });
});
