import type { Browser } from 'webextension-polyfill';
import { contentScriptMatches } from '../sites';
import { ANY_SITE_ORIGINS } from '../sites/page/any-page';

export { ANY_SITE_ORIGINS };

/**
 * "Any site with citation metadata": the generic citation_* reader as a content script registered
 * at run time, and only while the user wants it AND has granted the optional host permission for
 * every site (the options page asks for it at the moment the switch is turned on). Without both it
 * is not registered, so it runs nowhere. Known sites keep their own script and are excluded.
 */
export const ANY_SITE_SCRIPT_ID = 'any-page';
/** Where WXT writes entrypoints/any-page.content (a runtime-registered content script). */
const SCRIPT_FILE = 'content-scripts/any-page.js';

type Apis = Pick<Browser, 'permissions' | 'scripting'>;

/** Registers or unregisters the any-site script to match the setting and the permission. */
export async function syncAnySiteScript(browser: Apis, enabled: boolean): Promise<'on' | 'off'> {
  const granted = enabled && (await browser.permissions.contains({ origins: ANY_SITE_ORIGINS }));
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ANY_SITE_SCRIPT_ID] });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: ANY_SITE_SCRIPT_ID,
        matches: ANY_SITE_ORIGINS,
        excludeMatches: contentScriptMatches(),
        js: [SCRIPT_FILE],
        runAt: 'document_idle',
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [ANY_SITE_SCRIPT_ID] });
  }
  return granted ? 'on' : 'off';
}
