import { err, ok, type Result } from '../core/result';
import type { ChoiceRecord, SubscriptionRecord } from './db';
import { DEFAULT_OFF_SITES } from '../core/sites';
import { sanitiseSettings, type Settings } from '../core/settings';

/** What an exported file says it is, so any other JSON is told apart. */
export const BACKUP_FORMAT = 'gloss-backup';
/** The version this release writes; older ones are read, newer ones refused. */
export const BACKUP_VERSION = 1;

/** The reader's own data as a file: settings, topics and the meanings chosen per site. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
  topics: SubscriptionRecord[];
  choices: ChoiceRecord[];
}

/** Files larger than this are not a backup of Gloss's (thousands of topics fit in a fraction). */
export const MAX_BACKUP_CHARS = 5_000_000;
/** Most topics and choices a backup may bring: far past any reader's, short of flooding the database. */
export const MAX_BACKUP_TOPICS = 1_000;
export const MAX_BACKUP_CHOICES = 10_000;

export function makeBackup(
  settings: Settings,
  topics: SubscriptionRecord[],
  choices: ChoiceRecord[],
  now: number,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    topics,
    choices,
  };
}

const isText = (value: unknown, max = 500): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * Reads an exported file. Every field is checked; a file that is not JSON, not Gloss's, from a
 * newer release, or with a malformed entry is refused as a whole, with the reason, so a bad file
 * changes nothing.
 */
export function parseBackup(text: string): Result<Backup, string> {
  if (text.length > MAX_BACKUP_CHARS) return err('This file is too large to be a Gloss backup.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('This file is not a Gloss backup: it is not JSON (is it cut short?).');
  }
  const root = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (root.format !== BACKUP_FORMAT) return err('This file is not a Gloss backup.');
  if (typeof root.version !== 'number' || !Number.isInteger(root.version) || root.version < 1)
    return err('This backup has no readable version.');
  if (root.version > BACKUP_VERSION)
    return err('This backup was made by a newer Gloss; update Gloss to import it.');
  if (!Array.isArray(root.topics) || !Array.isArray(root.choices))
    return err('This backup is damaged: its topics or choices are missing.');
  if (root.topics.length > MAX_BACKUP_TOPICS || root.choices.length > MAX_BACKUP_CHOICES)
    return err(
      `This backup holds more than Gloss keeps (${MAX_BACKUP_TOPICS} topics, ${MAX_BACKUP_CHOICES} choices).`,
    );

  const topics: SubscriptionRecord[] = [];
  for (const [index, entry] of root.topics.entries()) {
    const topic = readTopic(entry);
    if (!topic) return err(`This backup is damaged: topic ${index + 1} is not readable.`);
    topics.push(topic);
  }
  const choices: ChoiceRecord[] = [];
  for (const [index, entry] of root.choices.entries()) {
    const choice = readChoice(entry);
    if (!choice) return err(`This backup is damaged: choice ${index + 1} is not readable.`);
    choices.push(choice);
  }
  return ok({
    format: BACKUP_FORMAT,
    version: root.version,
    exportedAt: typeof root.exportedAt === 'string' ? root.exportedAt : '',
    settings: settingsFrom(root.settings),
    topics,
    choices,
  });
}

/**
 * A topic as a file or another browser gave it, checked field by field (undefined when it is not
 * one); what it was last checked for stays on each device. Topics from older releases (without
 * `kind`, `query`, `notify`) are completed.
 */
export function readTopic(entry: unknown): SubscriptionRecord | undefined {
  const topic = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
    string,
    unknown
  >;
  const kind = topic.kind ?? 'entity';
  if (!isText(topic.key) || !isText(topic.title) || (kind !== 'entity' && kind !== 'query'))
    return undefined;
  return {
    key: topic.key,
    kind,
    title: topic.title,
    query: isText(topic.query) ? topic.query : topic.title,
    subscribedAt: isTime(topic.subscribedAt) ? topic.subscribedAt : 0,
    notify: topic.notify === true,
  };
}

/** A meaning chosen for a name on a site, checked field by field (undefined when it is not one). */
export function readChoice(entry: unknown): ChoiceRecord | undefined {
  const choice = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
    string,
    unknown
  >;
  if (!isText(choice.site) || !isText(choice.alias) || !isText(choice.key) || !isText(choice.title))
    return undefined;
  return {
    site: choice.site,
    alias: choice.alias,
    key: choice.key,
    title: choice.title,
    chosenAt: isTime(choice.chosenAt) ? choice.chosenAt : 0,
  };
}

/**
 * A backup's settings, checked as any settings are. A file from before Gloss stayed off on
 * webmail and messaging sites (its settings have no `enabledSites`) gets those sites added to its
 * list, as the stored settings did when Gloss was updated.
 */
function settingsFrom(stored: unknown): Settings {
  const settings = sanitiseSettings(stored);
  const older = typeof stored !== 'object' || stored === null || !('enabledSites' in stored);
  if (older)
    settings.disabledSites = [...new Set([...DEFAULT_OFF_SITES, ...settings.disabledSites])];
  return settings;
}
