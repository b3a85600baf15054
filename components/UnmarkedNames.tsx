import type { UnmarkedName } from '../core/settings';

/**
 * The names the reader asked Gloss not to mark (from a card's "Don't mark"), each with a button
 * that marks it again; answers the list without it.
 */
export function UnmarkedNames(props: {
  names: UnmarkedName[];
  onRemove: (rest: UnmarkedName[]) => void;
}) {
  if (props.names.length === 0)
    return <p class="muted">No names. A card’s “Don’t mark” adds one here.</p>;
  return (
    <ul class="sites" aria-label="Names Gloss does not mark">
      {props.names.map((entry) => {
        const where = entry.site ? `on ${entry.site}` : 'on any site';
        return (
          <li key={`${entry.site ?? ''} ${entry.name}`}>
            {entry.name} <span class="muted">({where})</span>{' '}
            <button
              type="button"
              class="small-button"
              aria-label={`Mark ${entry.name} again ${where}`}
              onClick={() => props.onRemove(props.names.filter((other) => other !== entry))}
            >
              Mark again
            </button>
          </li>
        );
      })}
    </ul>
  );
}
