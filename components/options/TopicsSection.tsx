import type { OptionsProps } from '../OptionsView';
import { TopicList } from '../TopicList';
import { Notice, OneField, Section } from './fields';

/** The topics the reader follows, checking them now, and following an entity or keywords. */
export function TopicsSection(
  props: Pick<
    OptionsProps,
    | 'topics'
    | 'notices'
    | 'entitySearch'
    | 'onNotify'
    | 'onRemoveTopic'
    | 'onCheckNow'
    | 'onFollowKeywords'
  >,
) {
  const { notices } = props;
  return (
    <Section id="topics" title="Topics">
      <p class="muted">
        Gloss checks each topic for new articles every half hour and counts them on its toolbar
        button.
      </p>
      <TopicList topics={props.topics} onNotify={props.onNotify} onRemove={props.onRemoveTopic} />
      <button type="button" onClick={props.onCheckNow}>
        Check now
      </button>
      <h3>Follow an entity</h3>
      {props.entitySearch}
      <h3>Follow keywords</h3>
      <OneField
        label="Keywords to follow"
        placeholder="rare earths, Mekong dams…"
        button="Follow"
        onSubmit={props.onFollowKeywords}
      />
      <Notice text={notices.topics} />
    </Section>
  );
}
