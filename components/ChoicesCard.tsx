import type { DisambiguationChoices, Part } from '../core/card';

/** Meanings listed on the card; the disambiguation page has the rest. */
const CHOICES_ON_CARD = 6;

/**
 * An ambiguous name's card: "Did you mean…", each meaning a button. The reader's choice is
 * remembered for the site, and the card then shows that meaning.
 */
export function ChoicesCard({
  name,
  choices,
  onChoose,
}: {
  name: string;
  choices: Part<DisambiguationChoices>;
  onChoose?: (title: string) => void;
}) {
  return (
    <article class="card" role="dialog" tabIndex={-1} aria-label={`${name}: several meanings`}>
      <h2 class="title">{name}</h2>
      <p class="description">This name has several meanings. Did you mean…</p>
      {(choices.status === 'loading' || choices.status === 'idle') && (
        <div aria-busy="true">
          <div class="skeleton" />
          <div class="skeleton skeleton-short" />
        </div>
      )}
      {choices.status === 'unavailable' && <p class="related-note">{choices.message}</p>}
      {choices.status === 'ready' && choices.value.choices.length === 0 && (
        <p class="related-note">Wikipedia lists no articles for this name.</p>
      )}
      {choices.status === 'ready' && choices.value.choices.length > 0 && (
        <ul class="choices">
          {choices.value.choices.slice(0, CHOICES_ON_CARD).map((choice) => (
            <li key={choice.title}>
              <button type="button" class="choice" onClick={() => onChoose?.(choice.title)}>
                <span class="choice-title">{choice.title}</span>
                {choice.description && <span class="choice-description">{choice.description}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="related-note">Gloss remembers your choice on this site.</p>
      {choices.status === 'ready' && (
        <footer class="footer">
          <a href={choices.value.pageUrl} target="_blank" rel="noopener noreferrer">
            All meanings on Wikipedia
          </a>
        </footer>
      )}
    </article>
  );
}
