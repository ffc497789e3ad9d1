import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  readSettings,
  SETTINGS_KEY,
  updateSettings,
  type LoadedSettings,
  type Settings,
} from '../storage/settings';
import { t } from '../i18n';

/**
 * The settings, live (a change made in another window or by the worker shows at once), and a way
 * to change some of them. `problem` holds what could not be saved.
 */
export function useSettings() {
  const [loaded, setLoaded] = useState<LoadedSettings | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      readSettings()
        .then((value) => live && setLoaded((before) => ({ ...value, reset: before?.reset ?? value.reset })))
        .catch((error: Error) => setProblem(t('settingsNotRead', error.message)));
    void read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  async function save(changes: Partial<Omit<Settings, 'version'>>): Promise<boolean> {
    try {
      const settings = await updateSettings(changes);
      setLoaded((before) => ({ settings, reset: before?.reset ?? [] }));
      setProblem(null);
      return true;
    } catch (error) {
      setProblem(t('settingsNotSaved', (error as Error).message));
      return false;
    }
  }

  return { loaded, save, problem };
}
