import type { Notifications } from 'webextension-polyfill';
import { LIMITS } from '../limits';
import type { FlashMark } from './badge-flash';
import { t } from '../i18n';

/** What a bookmark made without the popup came to, for the user to see. */
export type SaveOutcome =
  | { kind: 'added' | 'already' | 'removed'; key: string; title: string }
  | { kind: 'not-a-paper' }
  | { kind: 'failed'; reason: string };

export function flashMarkOf(outcome: SaveOutcome): FlashMark {
  return outcome.kind === 'already' ? 'added' : outcome.kind;
}

/** The notification's words for an outcome. */
export function confirmationNotice(outcome: SaveOutcome): { title: string; message: string } {
  switch (outcome.kind) {
    case 'added':
      return { title: t('savedAdded'), message: outcome.title };
    case 'already':
      return { title: t('savedAlready'), message: outcome.title };
    case 'removed':
      return {
        title: t('savedRemoved'),
        message: t('savedRemovedMessage', outcome.title, LIMITS.trashDays),
      };
    case 'not-a-paper':
      return { title: t('savedNotAPaper'), message: t('savedNotAPaperMessage') };
    case 'failed':
      return { title: t('savedFailed'), message: outcome.reason };
  }
}

/** One id for all of them: a new confirmation replaces the last one instead of piling up. */
export const CONFIRMATION_ID = 'paperpulse-quick-save';

export interface ConfirmationDeps {
  flash: (mark: FlashMark) => Promise<void>;
  /** Is the optional `notifications` permission granted? Never asked for here. */
  canNotify: () => Promise<boolean>;
  notify: (id: string, options: Notifications.CreateNotificationOptions) => Promise<unknown>;
  iconUrl: string;
}

/** The badge flashes a mark; with the permission granted, a notification says it in words. */
export function createSaveConfirmation({ flash, canNotify, notify, iconUrl }: ConfirmationDeps) {
  return async (outcome: SaveOutcome): Promise<void> => {
    const flashed = flash(flashMarkOf(outcome));
    if (await canNotify().catch(() => false)) {
      await notify(CONFIRMATION_ID, { type: 'basic', iconUrl, ...confirmationNotice(outcome) });
    }
    await flashed;
  };
}
