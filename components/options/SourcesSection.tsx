import { cardWiki } from '../../core/settings';
import { languageName } from '../../core/stories';
import { WIKIPEDIAS } from '../../core/wikis';
import type { OptionsProps } from '../OptionsView';
import { Section, SelectRow } from './fields';

/** The card language, and whether GDELT is asked. */
export function SourcesSection(
  props: Pick<OptionsProps, 'settings' | 'browserLanguage' | 'onChange'>,
) {
  const { settings } = props;
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
      <label class="row">
        <input
          type="checkbox"
          checked={settings.useGdelt}
          onChange={(event) => props.onChange({ useGdelt: event.currentTarget.checked })}
        />{' '}
        Latest articles from GDELT (your feeds are used either way)
      </label>
    </Section>
  );
}
