/** A meaning the reader chose for a name on a site: from a card's choices or its "Not this?". */
export interface ChosenMeaning {
  site: string;
  alias: string;
  title: string;
}

/** The meanings the reader chose, each with a button that forgets it. */
export function ChosenMeanings(props: {
  choices: ChosenMeaning[];
  onForget: (choice: ChosenMeaning) => void;
}) {
  if (props.choices.length === 0)
    return <p class="muted">None yet. A card’s choices and its “Not this?” add them here.</p>;
  return (
    <ul class="sites" aria-label="Meanings you chose">
      {props.choices.map((choice) => (
        <li key={`${choice.site} ${choice.alias}`}>
          “{choice.alias}” means {choice.title} <span class="muted">(on {choice.site})</span>{' '}
          <button
            type="button"
            class="small-button"
            aria-label={`Forget that ${choice.alias} means ${choice.title} on ${choice.site}`}
            onClick={() => props.onForget(choice)}
          >
            Forget
          </button>
        </li>
      ))}
    </ul>
  );
}
