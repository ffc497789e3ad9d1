export interface SelectFieldProps {
  label: string;
  value: number;
  choices: readonly { value: number; label: string }[];
  onChange: (value: number) => void;
}

/** A setting chosen from a list of values. */
export function SelectField({ label, value, choices, onChange }: SelectFieldProps) {
  return (
    <label class="select-field">
      <span>{label}</span>
      <select
        value={String(value)}
        onChange={(event) => onChange(Number((event.currentTarget as HTMLSelectElement).value))}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={String(choice.value)}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
