import { useEffect } from 'preact/hooks';
import { SearchBox, type SearchResult } from '../../components/SearchBox';
import { useSearch } from '../../hooks/use-search';

/**
 * "Not this?": a search, begun with the name as the page writes it, for the entity the page
 * means. What the reader picks holds for the name on this site from then on.
 */
export function Correction({
  name,
  onPick,
  onCancel,
}: {
  name: string;
  onPick: (result: SearchResult) => void;
  onCancel: () => void;
}) {
  const search = useSearch(onPick, onCancel);
  useEffect(() => search.onInput(name), [name]);
  return (
    <article class="card" role="dialog" tabIndex={-1} aria-label={`What “${name}” means here`}>
      <h2 class="title">What does “{name}” mean here?</h2>
      <SearchBox label={`Search for what “${name}” means`} autoFocus {...search} />
      <p class="related-note">Gloss remembers your choice on this site.</p>
      <button type="button" class="retry" onClick={onCancel}>
        Back
      </button>
    </article>
  );
}
