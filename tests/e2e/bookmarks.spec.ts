import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openPopup, readJson, test, waitForFeed } from './support/test';

const realDay = readJson<{ paper: { id: string; title: string } }[]>(
  'tests/fixtures/feed/hf-daily-2024-10-25.json',
);
// The feed's titles are hard-wrapped; PaperPulse stores them with whitespace collapsed.
const TITLES = realDay.slice(0, 3).map((item) => item.paper.title.replace(/\s+/g, ' ').trim());
const [FIRST, SECOND, THIRD] = TITLES as [string, string, string];

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** A browser whose feed is stored, and its popup. */
async function start({ hf, launch }: Pick<Fixtures, 'hf' | 'launch'>) {
  hf.serveDays({ 0: realDay });
  const launched = await launch();
  await waitForFeed(launched.context);
  return { ...launched, popup: await openPopup(launched.context, launched.extensionId) };
}

/** Stars papers in Trending (by title), then opens the Bookmarks tab. */
async function bookmarkFromTrending(popup: Page, titles: readonly string[]) {
  for (const title of titles) {
    const row = popup.locator('.paper-row', { hasText: title });
    await row.getByRole('button', { name: `Bookmark: ${title}`, exact: true }).click();
    await expect(row.locator('.star')).toHaveAttribute('aria-pressed', 'true');
  }
  await popup.getByRole('tab', { name: 'Bookmarks' }).click();
  await expect(popup.locator('.bookmark-row')).toHaveCount(titles.length);
}

const rowOf = (popup: Page, title: string) => popup.locator('.bookmark-row', { hasText: title });

async function expand(popup: Page, title: string) {
  await rowOf(popup, title)
    .getByRole('button', { name: `Tags, note and links of ${title}` })
    .click();
}

async function openBookmarks(context: BrowserContext, extensionId: string) {
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('tab', { name: 'Bookmarks' }).click();
  return popup;
}

test('bookmarks from Trending: tags, note, read, search, remove with undo, and a restart', async ({
  hf,
  launch,
}) => {
  const { context, popup, extensionId, userDataDir } = await start({ hf, launch });
  await popup.getByRole('tab', { name: 'Bookmarks' }).click();
  await expect(popup.locator('#panel-bookmarks .empty')).toContainText('No bookmarks yet');
  await popup.getByRole('tab', { name: 'Trending' }).click();
  await bookmarkFromTrending(popup, TITLES);
  // Newest added first.
  await expect(popup.locator('.bookmark-row .title').first()).toHaveText(THIRD);

  await expand(popup, FIRST);
  const row = rowOf(popup, FIRST);
  const tags = row.getByRole('textbox', { name: /^Tags of/ });
  await tags.fill(' contrastive, memory ,, Contrastive ');
  await tags.press('Enter');
  await expect(row.locator('.tag-chip')).toHaveText(['contrastive', 'memory']);
  await expect(tags).toHaveValue('contrastive, memory');
  const note = row.getByRole('textbox', { name: /^Note on/ });
  await note.pressSequentially('Batch size <b>scaling</b> — compare with SigLIP');
  await note.blur();
  await row.getByRole('button', { name: 'Mark as read' }).click();
  await expect(row.getByRole('button', { name: 'Mark as read' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toHaveClass(/\bread\b/);

  // `/` focuses the search; it matches tags and notes as well as titles.
  await popup.locator('body').press('/');
  const search = popup.getByRole('searchbox', { name: /Search bookmarks/ });
  await expect(search).toBeFocused();
  await search.fill('siglip');
  await expect(popup.locator('.bookmark-row')).toHaveCount(1);
  await search.fill('memory');
  await expect(popup.locator('.bookmark-row .title')).toHaveText([FIRST]);
  await search.fill('no such paper');
  await expect(popup.locator('.empty')).toContainText('No bookmark matches');
  await search.fill('');
  await popup.getByRole('group', { name: 'Read state' }).getByRole('button', { name: 'Unread' }).click();
  await expect(popup.locator('.bookmark-row')).toHaveCount(2);
  await popup.getByRole('group', { name: 'Read state' }).getByRole('button', { name: 'All' }).click();

  // Remove, then Undo brings the row back with its tags, note and read state.
  await rowOf(popup, FIRST)
    .getByRole('button', { name: `Remove bookmark: ${FIRST}` })
    .click();
  await expect(rowOf(popup, FIRST)).toHaveCount(0);
  await expect(popup.getByRole('status').filter({ hasText: 'Removed' })).toContainText(`Removed “${FIRST}”.`);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect(rowOf(popup, FIRST)).toHaveCount(1);
  await expect(rowOf(popup, FIRST).locator('.tag-chip')).toHaveText(['contrastive', 'memory']);
  await expect(rowOf(popup, FIRST).getByRole('button', { name: 'Mark as read' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Undo keeps the date added: the row goes back to its place, last.
  await expect(popup.locator('.bookmark-row .title').last()).toHaveText(FIRST);

  // Keyboard: `r` toggles read on the focused row, `b` removes it.
  const third = popup.locator('#panel-bookmarks .virtual-row', { hasText: THIRD });
  await third.focus();
  await third.press('r');
  await expect(rowOf(popup, THIRD).getByRole('button', { name: 'Mark as read' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await third.press('b');
  await expect(rowOf(popup, THIRD)).toHaveCount(0);
  await expect(popup.locator('#panel-bookmarks .virtual-row', { hasText: SECOND })).toBeFocused();

  // A browser restart on the same profile keeps everything.
  await context.close();
  const again = await launch({ userDataDir });
  const reopened = await openBookmarks(again.context, again.extensionId);
  await expect(reopened.locator('.bookmark-row')).toHaveCount(2);
  await expand(reopened, FIRST);
  await expect(rowOf(reopened, FIRST).getByRole('textbox', { name: /^Note on/ })).toHaveValue(
    'Batch size <b>scaling</b> — compare with SigLIP',
  );
  await expect(rowOf(reopened, FIRST).locator('.tag-chip')).toHaveText(['contrastive', 'memory']);
  await expect(reopened.locator('.bookmark-row b')).toHaveCount(0);
  expect(extensionId).toBe(again.extensionId);
});

test('export a backup, import it back (nothing new), restore a note, refuse a malformed file', async ({
  hf,
  launch,
}) => {
  const { popup } = await start({ hf, launch });
  await bookmarkFromTrending(popup, [FIRST, SECOND]);
  await expand(popup, FIRST);
  const note = rowOf(popup, FIRST).getByRole('textbox', { name: /^Note on/ });
  await note.fill('Original note');
  await note.blur();

  await popup.getByText('Export…').click();
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export all 2 bookmarks as PaperPulse backup (JSON)' }).click(),
  ]);
  const backupText = readFileSync((await download.path())!, 'utf8');
  const backup = JSON.parse(backupText) as {
    format: string;
    exportedAt: string;
    bookmarks: { title: string; note: string }[];
  };
  expect(backup.format).toBe('paperpulse-backup');
  // Named after the UTC day it was made, as its own timestamp says (whatever the hour of the run).
  expect(download.suggestedFilename()).toBe(`paperpulse-backup-${backup.exportedAt.slice(0, 10)}.json`);
  expect(backup.bookmarks.map((row) => row.note).sort()).toEqual(['', 'Original note']);

  // The same file again: nothing new, nothing differs, nothing changes.
  const chooser = popup.waitForEvent('filechooser');
  await popup.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
  const dialog = popup.getByRole('dialog', { name: /^Import “/ });
  await expect(dialog).toHaveAccessibleName('Import “backup.json”');
  await expect(dialog).toContainText('0 new');
  await expect(dialog).toContainText('2 already there');
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(popup.locator('#panel-bookmarks [role=status].library-message')).toHaveText(
    'Imported 0 new bookmarks; 0 updated; 2 already up to date.',
  );
  await expect(popup.locator('.bookmark-row')).toHaveCount(2);

  // After the note is edited, the backup differs: it is only overwritten when asked to.
  await note.fill('Edited note');
  await note.blur();
  const input = popup.locator('#panel-bookmarks input[type=file]');
  await input.setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backupText),
  });
  await expect(dialog).toContainText('1 with differences');
  const overwrite = dialog.getByRole('checkbox', { name: 'Overwrite notes and tags of 1 existing bookmark' });
  await expect(overwrite).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(note).toHaveValue('Edited note');
  await input.setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backupText),
  });
  await overwrite.check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(popup.locator('.library-message[role=status]')).toHaveText(
    'Imported 0 new bookmarks; 1 updated; 1 already up to date.',
  );
  await expect(note).toHaveValue('Original note');

  // BibTeX: new papers are added; invalid entries are listed with their reasons.
  await input.setInputFiles('tests/fixtures/import/sample.bib');
  await expect(dialog).toContainText('5 new');
  await expect(dialog).toContainText('1 already there');
  await expect(dialog).toContainText('Entry 6 (notitle2020): no title');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(popup.locator('.library-message[role=status]')).toContainText('Imported 5 new bookmarks');
  await expect(popup.locator('.bookmark-row')).toHaveCount(7);

  // A malformed file: the reason, and no change.
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "paperpulse-backup", "version": 1, "bookmarks": ['),
  });
  await expect(popup.getByRole('alert')).toContainText('This file is not valid JSON');
  await expect(dialog).toHaveCount(0);
  await expect(popup.locator('.bookmark-row')).toHaveCount(7);
  await expect(popup.locator('.library-count')).toHaveText('7 bookmarks');
});

test('popup.html?panel=bookmarks opens on the library (where Import works outside the toolbar popup)', async ({
  launch,
}) => {
  const { context, extensionId } = await launch();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?panel=bookmarks`);
  await expect(page.getByRole('tab', { name: /Bookmarks/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#panel-bookmarks')).toBeVisible();
});

test('a removed bookmark waits in “Recently removed” and comes back with its note and tags, popup closed or not', async ({
  hf,
  launch,
}) => {
  const { context, popup, extensionId } = await start({ hf, launch });
  await bookmarkFromTrending(popup, [FIRST, SECOND]);
  await expand(popup, FIRST);
  const row = rowOf(popup, FIRST);
  const tags = row.getByRole('textbox', { name: /^Tags of/ });
  await tags.fill('contrastive, memory');
  await tags.press('Enter');
  const note = row.getByRole('textbox', { name: /^Note on/ });
  await note.fill('Batch size scaling');
  await note.blur();
  await expect(row.locator('.tag-chip')).toHaveText(['contrastive', 'memory']);
  await row.getByRole('button', { name: `Remove bookmark: ${FIRST}` }).click();
  await expect(rowOf(popup, FIRST)).toHaveCount(0);
  // The popup closes before Undo: the removal is not lost for that.
  await popup.close();

  const reopened = await openBookmarks(context, extensionId);
  await expect(reopened.locator('.bookmark-row')).toHaveCount(1);
  const removed = reopened.locator('.recently-removed');
  await expect(removed.locator('summary')).toContainText('Recently removed (1)');
  await removed.locator('summary').click();
  await removed.getByRole('button', { name: `Restore ${FIRST}` }).click();
  await expect(reopened.locator('.bookmark-row')).toHaveCount(2);
  await expect(removed).toHaveCount(0);
  await expect(rowOf(reopened, FIRST).locator('.tag-chip')).toHaveText(['contrastive', 'memory']);
  await expand(reopened, FIRST);
  await expect(rowOf(reopened, FIRST).getByRole('textbox', { name: /^Note on/ })).toHaveValue(
    'Batch size scaling',
  );
});
