import { cardWiki } from '../../core/settings';
import { languageName } from '../../core/stories';
import { WIKIPEDIAS } from '../../core/wikis';
import type { OptionsProps } from '../OptionsView';
import { Notice, Section, SelectRow } from './fields';

/** The third parties a card may send a name to, each with its switch. */
const THIRD_PARTIES: ReadonlyArray<{
  setting: 'useWikidata' | 'usePageviews' | 'useGdelt' | 'useGoogleNews';
  name: string;
  what: string;
}> = [
  { setting: 'useWikidata', name: 'Wikidata', what: 'key facts (born, office, founded).' },
  {
    setting: 'usePageviews',
    name: 'Wikimedia pageviews',
    what: 'how many read the article each day, for the attention line.',
  },
  {
    setting: 'useGdelt',
    name: 'GDELT',
    what: 'latest articles from the world’s news, and the news line; it takes one request every 5 seconds.',
  },
  {
    setting: 'useGoogleNews',
    name: 'Google News',
    what: 'latest articles in your card language; Google learns the name and your address.',
  },
];

/** The card language, and which third parties a card asks. */
export function SourcesSection(
  props: Pick<OptionsProps, 'settings' | 'browserLanguage' | 'onChange' | 'notices'>,
) {
  const { settings } = props;
  const cardLanguageName = languageName(cardWiki(settings, props.browserLanguage));
  return (
    <Section id="sources" title="Sources">
      <SelectRow
        text="Cards in"
        label="Card language"
        value={settings.cardLanguage}
        options={[
          [
            '',
            `My browser's language (${languageName(cardWiki({ cardLanguage: '' }, props.browserLanguage))})`,
          ],
          ...WIKIPEDIAS,
        ]}
        onChange={(value) => props.onChange({ cardLanguage: value })}
      />
      <p class="muted">
        Names are looked up on the Wikipedia of the page&apos;s own language, and their cards shown
        from this one&apos;s article on the same subject (or the page language&apos;s, with a note,
        where it has none).
      </p>
      <h3>Who a card asks</h3>
      <p class="muted">
        When your pointer rests on a name, that name (never the pageWhen you open a card, its name
        (never the page&apos;s text) goes to these sources.apos;s text) goes to these sources. Each
        can be turned off; a card then shows what the others give.
      </p>
      <ul class="third-parties">
        <li>
          <strong>Wikipedia</strong> (the page&apos;s language&apos;s and {cardLanguageName}): who
          or what the name is. The card is Wikipedia&apos;s summary, so it cannot be turned off
          here; turn Gloss off on a site to send nothing from it.
        </li>
        {THIRD_PARTIES.map((party) => (
          <li key={party.setting}>
            <label class="row">
              <input
                type="checkbox"
                checked={settings[party.setting]}
                onChange={(event) =>
                  props.onChange({ [party.setting]: event.currentTarget.checked })
                }
              />{' '}
              <strong>{party.name}</strong>: {party.what}
            </label>
          </li>
        ))}
      </ul>
      <p class="muted">
        Your own feeds are read from their sites, and only their items that name the entity are
        shown.
      </p>
      <Notice text={props.notices.sources} />
    </Section>
  );
}
