import { cardWiki } from '../../core/settings';
import { languageName } from '../../core/stories';
import type { OptionsProps } from '../OptionsView';
import { Section } from './fields';

/** ": now Wikidata, GDELT", the third parties turned on, or that none is. */
function askedNames(settings: OptionsProps['settings']): string {
  const on = [
    settings.useWikidata && 'Wikidata',
    settings.usePageviews && 'Wikimedia pageviews',
    settings.useGdelt && 'GDELT',
    settings.useGoogleNews && 'Google News',
  ].filter(Boolean);
  return on.length > 0 ? ` (now: Wikipedia, ${on.join(', ')})` : ' (now: Wikipedia alone)';
}

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
        and asks Wikidata which article is the same subject in {cardLanguageName}. When your pointer
        rests on a name (a card is about to open) it sends that name to the sources under &ldquo;Who
        a card asks&rdquo; above{askedNames(settings)}.{' '}
        {settings.useGdelt ? 'Your topics are checked with GDELT, and your' : 'Your'} feeds are
        fetched from their own sites. Everything Gloss learns is kept in this browser; nothing is
        sent anywhere else.
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
