// The options page's small parts: a section, one text field, a drop-down row, a notice, a list of
// sites.
import type { ComponentChildren } from 'preact';

/** A form that hands its one text field to `onSubmit` and empties it. */
export function OneField({
  label,
  placeholder,
  button,
  type = 'text',
  onSubmit,
}: {
  label: string;
  placeholder: string;
  button: string;
  type?: string;
  onSubmit: (value: string) => void;
}) {
  return (
    <form
      class="one-field"
      onSubmit={(event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem('value') as HTMLInputElement;
        onSubmit(input.value);
        input.value = '';
      }}
    >
      <input name="value" type={type} aria-label={label} placeholder={placeholder} required />
      <button type="submit">{button}</button>
    </form>
  );
}

/** A labelled drop-down list: the sentence it completes, and its choices as [value, text]. */
export function SelectRow<Value extends string>(props: {
  text: string;
  label: string;
  value: Value;
  options: ReadonlyArray<readonly [value: Value, text: string]>;
  onChange: (value: Value) => void;
}) {
  return (
    <label class="row">
      {props.text}{' '}
      <select
        aria-label={props.label}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value as Value)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One section of the page, under its heading. */
export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** What the section's last action did, read out to screen readers as it changes. */
export function Notice({ text }: { text: string | undefined }) {
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}

/** A list of sites, each with a button that takes it off the list; answers the list without it. */
export function SiteList(props: {
  label: string;
  sites: string[];
  button: string;
  buttonLabel: (site: string) => string;
  onRemove: (rest: string[]) => void;
}) {
  return (
    <ul class="sites" aria-label={props.label}>
      {props.sites.map((site) => (
        <li key={site}>
          {site}{' '}
          <button
            type="button"
            class="small-button"
            aria-label={props.buttonLabel(site)}
            onClick={() => props.onRemove(props.sites.filter((entry) => entry !== site))}
          >
            {props.button}
          </button>
        </li>
      ))}
    </ul>
  );
}
