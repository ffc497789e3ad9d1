export interface ChoiceFieldProps<T extends string | number> {
  legend: string;
  name: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

/** One of a few choices, as radio buttons in a fieldset (arrow keys move between them). */
export function ChoiceField<T extends string | number>({
  legend,
  name,
  value,
  choices,
  onChange,
}: ChoiceFieldProps<T>) {
  return (
    <fieldset class="choice-field">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={String(choice.value)}>
          <input
            type="radio"
            name={name}
            checked={choice.value === value}
            onChange={() => onChange(choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
