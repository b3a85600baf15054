import type { ComponentChildren } from 'preact';
import type { Settings } from '../core/settings';
import type { SyncStatus } from '../core/sync';
import type { ChosenMeaning } from './ChosenMeanings';
import { DataSection } from './options/DataSection';
import { FeedsSection } from './options/FeedsSection';
import { PrivacySection } from './options/PrivacySection';
import { ReadingSection } from './options/ReadingSection';
import { SourcesSection } from './options/SourcesSection';
import { TopicsSection } from './options/TopicsSection';
import type { TopicRow } from './TopicList';

/** What the options page reports back after an action, by section. */
export interface Notices {
  topics?: string;
  feeds?: string;
  data?: string;
  reading?: string;
  sources?: string;
}

export interface OptionsProps {
  settings: Settings;
  topics: TopicRow[];
  /** The meanings the reader chose for names, per site. */
  choices: ChosenMeaning[];
  onForgetChoice: (choice: ChosenMeaning) => void;
  stats?: { entities: number; aliases: number; facts: number; related: number; bytes?: number };
  /** How the last sync went (null before the first). */
  sync: SyncStatus | null;
  notices: Notices;
  /** The search box that finds an entity to follow (the popup's search). */
  entitySearch: ComponentChildren;
  /** The keyboard shortcuts' section (the browser reports them). */
  shortcuts: ComponentChildren;
  onFollowKeywords: (keywords: string) => void;
  onNotify: (key: string, notify: boolean) => void;
  onRemoveTopic: (key: string) => void;
  onCheckNow: () => void;
  onAddFeed: (url: string) => void;
  onRemoveFeed: (url: string) => void;
  onChange: (changes: Partial<Settings>) => void;
  /** The browser's own language (a BCP 47 tag), which cards follow unless the reader picks one. */
  browserLanguage: string;
  /** Asks the reader to confirm that turning "In your reading" off deletes it; answers yes or no. */
  confirmForgetReading: () => boolean;
  onClearReading: () => void;
  onClearCache: () => void;
  onExport: () => void;
  onImport: (file: File) => void;
}

/** The options page: topics, feeds, reading, sources, privacy and data, a section each. */
export function OptionsView(props: OptionsProps) {
  return (
    <main class="surface options">
      <h1>Gloss settings</h1>
      <TopicsSection {...props} />
      <FeedsSection {...props} />
      <ReadingSection {...props} />
      <SourcesSection {...props} />
      <PrivacySection {...props} />
      {props.shortcuts}
      <DataSection {...props} />
    </main>
  );
}
