import type { OptionsProps } from '../OptionsView';
import { Notice, OneField, Section } from './fields';

/** The reader's own feeds: listed, removed, added. */
export function FeedsSection(
  props: Pick<OptionsProps, 'settings' | 'notices' | 'onAddFeed' | 'onRemoveFeed'>,
) {
  const { settings, notices } = props;
  return (
    <Section id="feeds" title="Feeds">
      <p class="muted">
        RSS or Atom feeds of your own: their articles that name an entity join its card, and your
        topics&apos; news. Adding one asks your browser to let Gloss read from that site (and only
        that site); removing its last feed gives the permission back.
      </p>
      <ul class="feeds" aria-label="Your feeds">
        {settings.feeds.map((url) => (
          <li key={url}>
            <span class="feed-url">{url}</span>
            <button
              type="button"
              class="small-button"
              aria-label={`Remove the feed ${url}`}
              onClick={() => props.onRemoveFeed(url)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <OneField
        label="Feed address"
        placeholder="https://example.com/feed.xml"
        button="Add feed"
        type="url"
        onSubmit={props.onAddFeed}
      />
      <Notice text={notices.feeds} />
    </Section>
  );
}
