export interface SearchBoxProps {
  value: string;
  placeholder: string;
  label: string;
  onInput: (value: string) => void;
}

/** `/` anywhere in the popup focuses the visible search box (see App). */
export function SearchBox({ value, placeholder, label, onInput }: SearchBoxProps) {
  return (
    <input
      type="search"
      class="search"
      value={value}
      placeholder={placeholder}
      aria-label={label}
      aria-keyshortcuts="/"
      onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
    />
  );
}
