import { HOVER_DELAYS_MS, type MarkMode, type MarkStyle } from '../../core/settings';
import { ChosenMeanings } from '../ChosenMeanings';
import type { OptionsProps } from '../OptionsView';
import { UnmarkedNames } from '../UnmarkedNames';
import { Notice, OneField, Section, SelectRow, SiteList } from './fields';

const HOVER_DELAYS = HOVER_DELAYS_MS.map((ms) => [String(ms), `${ms / 1000} seconds`] as const);
const MARK_STYLES: ReadonlyArray<readonly [MarkStyle, string]> = [
  ['underline', 'a dotted underline'],
  ['tint', 'a light tint'],
];
const MARK_MODES: ReadonlyArray<readonly [MarkMode, string]> = [
  ['every', 'every mention of a name'],
  ['first', 'only its first mention on a page'],
];

/** How names are marked and cards opened, the reader's corrections, and where Gloss is off. */
export function ReadingSection(
  props: Pick<OptionsProps, 'settings' | 'notices' | 'choices' | 'onForgetChoice' | 'onChange'>,
) {
  const { settings, notices } = props;
  return (
    <Section id="reading" title="Reading">
      <SelectRow
        text="Open a card after resting on a name for"
        label="Hover delay"
        value={String(settings.hoverDelayMs)}
        options={HOVER_DELAYS}
        onChange={(value) => props.onChange({ hoverDelayMs: Number(value) })}
      />
      <SelectRow
        text="Mark names with"
        label="Mark style"
        value={settings.markStyle}
        options={MARK_STYLES}
        onChange={(markStyle) => props.onChange({ markStyle })}
      />
      <SelectRow
        text="Mark"
        label="Names marked"
        value={settings.markMode}
        options={MARK_MODES}
        onChange={(markMode) => props.onChange({ markMode })}
      />
      <h3>Meanings you chose</h3>
      <ChosenMeanings choices={props.choices} onForget={props.onForgetChoice} />
      <h3>Names Gloss does not mark</h3>
      <UnmarkedNames
        names={settings.unmarkedNames}
        onRemove={(unmarkedNames) => props.onChange({ unmarkedNames })}
      />
      <SitesOff settings={settings} onChange={props.onChange} />
      <Notice text={notices.reading} />
    </Section>
  );
}

/** The sites where Gloss stays off, the private addresses where the reader turned it on. */
function SitesOff({ settings, onChange }: Pick<OptionsProps, 'settings' | 'onChange'>) {
  return (
    <>
      <h3>Sites where Gloss is off</h3>
      <SiteList
        label="Sites where Gloss is off"
        sites={settings.disabledSites}
        button="Turn on"
        buttonLabel={(site) => `Turn Gloss back on for ${site}`}
        onRemove={(disabledSites) => onChange({ disabledSites })}
      />
      <p>
        Gloss also stays off on private addresses (this computer, your local network) unless you
        turn it on there from the toolbar button.
      </p>
      {settings.enabledSites.length > 0 && (
        <SiteList
          label="Private addresses where Gloss is on"
          sites={settings.enabledSites}
          button="Turn off"
          buttonLabel={(site) => `Turn Gloss off again for ${site}`}
          onRemove={(enabledSites) => onChange({ enabledSites })}
        />
      )}
      <OneField
        label="Site to turn Gloss off on"
        placeholder="example.com"
        button="Turn off there"
        onSubmit={(site) => {
          const host = site
            .trim()
            .toLowerCase()
            .replace(/^https?:\/\//, '')
            .replace(/\/.*$/, '');
          if (host && !settings.disabledSites.includes(host))
            onChange({ disabledSites: [...settings.disabledSites, host] });
        }}
      />
    </>
  );
}
