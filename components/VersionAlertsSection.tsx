import { OptionsSection } from './OptionsSection';
import { SwitchField } from './SwitchField';
import { t } from '@/lib/i18n';
import { versionAvailableText } from '@/lib/versions/alert';

export interface VersionAlertsSectionProps {
  on: boolean;
  /** Said under the switch (the permission was taken back, say). */
  notice?: string;
  /**
   * Called in the click handler: it must ask for the export.arxiv.org permission right there (the
   * browser grants optional permissions only during a user gesture) and save only if granted.
   */
  turnOn: () => void;
  turnOff: () => void;
}

/** New versions of saved arXiv preprints (lib/versions): opt-in. */
export function VersionAlertsSection({ on, notice, turnOn, turnOff }: VersionAlertsSectionProps) {
  return (
    <OptionsSection id="versions" title={t('settingVersionAlertsName')}>
      <SwitchField
        label={t('settingVersionAlerts')}
        checked={on}
        notice={notice}
        onChange={(checked) => (checked ? turnOn() : turnOff())}
      >
        {t('settingVersionAlertsHint', versionAvailableText(3))}
      </SwitchField>
    </OptionsSection>
  );
}
