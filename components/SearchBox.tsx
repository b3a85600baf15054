/** One search result: an article to open a card for, known already or found on Wikipedia. */
export interface SearchResult {
  key: string;
  title: string;
  description?: string;
}

/**
 * A search field with its results as a list box (the combobox pattern): arrow keys move the
 * active result, Enter opens it, Esc clears. The owner keeps the state; this draws it.
 */
export function SearchBox({
  label,
  query,
  results,
  active,
  status,
  onInput,
  onKeyDown,
  onPick,
  autoFocus = false,
}: {
  label: string;
  /** Focus the field at once (the popup opens to be typed into). */
  autoFocus?: boolean;
  query: string;
  results: SearchResult[];
  active: number;
  /** What the search is doing, for everyone and for screen readers ("Searching Wikipedia…"). */
  status: string;
  onInput: (query: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onPick: (result: SearchResult) => void;
}) {
  const listId = `${label.replace(/\W+/g, '-').toLowerCase()}-results`;
  return (
    <div class="search">
      <input
        type="search"
        class="search-input"
        role="combobox"
        aria-label={label}
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        placeholder={label}
        value={query}
        autoFocus={autoFocus}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p class="search-status muted" role="status">
        {status}
      </p>
      {results.length > 0 && (
        <ul class="results" role="listbox" id={listId} aria-label="Results">
          {results.map((result, index) => (
            <li
              key={result.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'result active' : 'result'}
              onMouseDown={(event) => {
                // Keep the focus in the field; the click opens the result.
                event.preventDefault();
                onPick(result);
              }}
            >
              <span class="result-title">{result.title}</span>
              {result.description && <span class="result-description">{result.description}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
