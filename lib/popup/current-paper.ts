import browser from 'webextension-polyfill';
import type { PaperPulseDB } from '../storage/db';
import { detectPaper } from '../sites';
import type { PaperRef } from '../paper/ref';
import { getState } from '../storage/state';
import { isHttpUrl } from '../url';

/** How long "the paper you were just reading" stays current when the tab's URL cannot be read. */
const RECENT_MS = 60 * 60_000;

export type CurrentPaper =
  { ref: PaperRef; source: 'tab' } | { ref: null; source: 'not-a-paper' | 'unknown' };

/**
 * The paper in the last focused web tab. Its URL is readable when the popup was opened from the
 * toolbar (activeTab), and URL-only detection covers PDFs, where content scripts do not run.
 * Otherwise (the popup open in a tab of its own) it is the paper page a content script last reported.
 */
export async function currentPaper(db: PaperPulseDB, now: number): Promise<CurrentPaper> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true }).catch(() => []);
  if (isHttpUrl(tab?.url)) {
    const ref = detectPaper(tab!.url!);
    return ref ? { ref, source: 'tab' } : { ref: null, source: 'not-a-paper' };
  }
  const last = await getState(db, 'lastViewedPaper');
  if (last && now - last.at < RECENT_MS) return { ref: last.ref, source: 'tab' };
  return { ref: null, source: 'unknown' };
}
