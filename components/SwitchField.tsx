import type { ComponentChildren } from 'preact';

export interface SwitchFieldProps {
  label: string;
  checked: boolean;
  disabled?: boolean;
  /** Said under the hint, as a status (a permission taken back, say). */
  notice?: string;
  onChange: (checked: boolean) => void;
  children?: ComponentChildren;
}

/** An on/off setting: a checkbox with the switch role, its visible label, and an optional hint. */
export function SwitchField({ label, checked, disabled, notice, onChange, children }: SwitchFieldProps) {
  return (
    <div class="switch-field">
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={disabled}
          onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{label}</span>
      </label>
      {children && <p class="hint">{children}</p>}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
