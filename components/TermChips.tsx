/** Small chips of words: why a paper is related, or its keywords. */
export function TermChips({
  terms,
  label,
  class: className = 'terms',
}: {
  terms: readonly string[];
  label?: string;
  class?: string;
}) {
  return (
    <span class={className} aria-label={label}>
      {terms.map((term) => (
        <span class="term" key={term}>
          {term}
        </span>
      ))}
    </span>
  );
}
