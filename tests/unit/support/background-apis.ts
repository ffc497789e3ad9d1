import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

/**
 * WXT's fake browser leaves some APIs the background listens to unimplemented (they throw "not
 * implemented"). Tests that start the real background (entrypoints/background.ts) stub them here:
 * listeners are accepted and never called, menus are accepted and do nothing.
 */
export function stubUnimplementedBackgroundApis() {
  const ignore = () => undefined;
  for (const event of [
    fakeBrowser.permissions.onAdded,
    fakeBrowser.permissions.onRemoved,
    fakeBrowser.contextMenus.onClicked,
    fakeBrowser.commands.onCommand,
  ]) {
    vi.spyOn(event, 'addListener').mockImplementation(ignore);
  }
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(() => 0);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined);
}
