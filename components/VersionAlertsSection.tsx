import { OptionsSection } from './OptionsSection';
import { SwitchField } from './SwitchField';

export interface VersionAlertsSectionProps {
  on: boolean;
  /**
   * Called in the click handler: it must ask for the export.arxiv.org permission right there (the
   * browser grants optional permissions only during a user gesture) and save only if granted.
   */
  turnOn: () => void;
  turnOff: () => void;
}

/** New versions of saved arXiv preprints (lib/versions): opt-in. */
export function VersionAlertsSection({ on, turnOn, turnOff }: VersionAlertsSectionProps) {
  return (
    <OptionsSection id="versions" title="New versions of saved preprints">
      <SwitchField
        label="Tell me when a saved arXiv paper has a new version (asks for permission)"
        checked={on}
        onChange={(checked) => (checked ? turnOn() : turnOff())}
      >
        Once a day PaperPulse sends the arXiv ids of your bookmarked arXiv papers (nothing else) to arXiv’s
        API at export.arxiv.org, and shows “v3 available” on a bookmark saved as v1 or v2, in the popup and on
        the paper’s page, until you dismiss it.
      </SwitchField>
    </OptionsSection>
  );
}
