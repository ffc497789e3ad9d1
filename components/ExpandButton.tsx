export interface ExpandButtonProps {
  expanded: boolean;
  controls: string;
  /** Accessible names for the two states, e.g. "Show abstract and links of <title>". */
  openLabel: string;
  closeLabel: string;
  onToggle: () => void;
}

/** The ▾/▴ button that shows or hides a row's details. */
export function ExpandButton({ expanded, controls, openLabel, closeLabel, onToggle }: ExpandButtonProps) {
  return (
    <button
      type="button"
      class="icon-button expand"
      aria-expanded={expanded}
      // Only while the details exist: a reference to a missing element is an error for AT.
      aria-controls={expanded ? controls : undefined}
      aria-label={expanded ? closeLabel : openLabel}
      onClick={onToggle}
    >
      {expanded ? '▴' : '▾'}
    </button>
  );
}
