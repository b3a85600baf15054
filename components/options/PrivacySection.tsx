import { cardWiki } from '../../core/settings';
import { languageName } from '../../core/stories';
import type { OptionsProps } from '../OptionsView';
import { Section } from './fields';

/** What is sent where, and the reader's reading history. */
export function PrivacySection(
  props: Pick<
    OptionsProps,
    'settings' | 'browserLanguage' | 'onChange' | 'confirmForgetReading' | 'onClearReading'
  >,
) {
  const { settings } = props;
  const cardLanguageName = languageName(cardWiki(settings, props.browserLanguage));
  return (
    <Section id="privacy" title="Privacy">
      <p>
        The text of the pages you read stays on your device. Gloss sends only the names it finds to
        Wikipedia (in the page&apos;s language, or {cardLanguageName}), to learn which are articles,
        and asks Wikidata which article is the same subject in {cardLanguageName}. When you open a
        card it asks Wikidata for that entity&apos;s facts
        {settings.useGdelt ? ' and GDELT for the latest articles that name it' : ''}. Your topics
        are checked with the same sources, and your feeds are fetched from their own sites.
        Everything Gloss learns is kept in this browser; nothing is sent anywhere else.
      </p>
      <label class="row">
        <input
          type="checkbox"
          checked={settings.rememberReading}
          onChange={(event) => {
            const box = event.currentTarget;
            // Off deletes what was kept: only once the reader has said yes.
            if (!box.checked && !props.confirmForgetReading()) {
              box.checked = true;
              return;
            }
            props.onChange({ rememberReading: box.checked });
          }}
        />{' '}
        Remember the pages where I met a name, for &ldquo;In your reading&rdquo; (on this device
        only)
      </label>
      <button type="button" onClick={props.onClearReading}>
        Clear my reading history
      </button>
    </Section>
  );
}
