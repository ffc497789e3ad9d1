import { sendMessage } from '../messaging/send';
import { t } from '../i18n';
import { h, onTrustedClick } from './dom';

/** A bookmark with notes or tags is never removed from a page: the user does it in PaperPulse. */
export function openLibraryButton(key: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'text-button' }, t('cardOpenLibrary'));
  onTrustedClick(button, () => void sendMessage('library.open', { key }).catch(() => undefined));
  return button;
}
