/**
 * The keyboard command, as the manifest declares it (wxt.config.ts imports this file, so it
 * imports nothing). Listed in chrome://extensions/shortcuts and in Firefox's "Manage Extension
 * Shortcuts", where the user can change it.
 */
export const TOGGLE_COMMAND = 'toggle-bookmark';

/**
 * Not Alt+Shift+B: Chromium keeps that for "Focus bookmarks bar" (Windows, Linux) and leaves an
 * extension's command that suggests it with no shortcut at all (`commands.getAll()` says '').
 */
export const TOGGLE_SHORTCUT = 'Alt+Shift+S';

export const MANIFEST_COMMANDS = {
  [TOGGLE_COMMAND]: {
    suggested_key: { default: TOGGLE_SHORTCUT },
    // public/_locales/en/messages.json: "Bookmark the paper in this tab (or remove it)".
    description: '__MSG_commandToggleBookmark__',
  },
};
