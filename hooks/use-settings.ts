import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../core/sync';
import { currentSettings, settings, syncStatus } from '../data/settings-store';
import { sanitiseSettings, type Settings } from '../core/settings';

/** The reader's settings, kept current when they change anywhere (another page, the background). */
export function useSettings(): Settings | undefined {
  const [value, setValue] = useState<Settings | undefined>(undefined);
  useEffect(() => {
    void currentSettings().then(setValue);
    return settings.watch((next) => setValue(sanitiseSettings(next)));
  }, []);
  return value;
}

/** How the last sync of settings, topics and choices went (null before the first). */
export function useSyncStatus(): SyncStatus | null {
  const [value, setValue] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void syncStatus.getValue().then(setValue);
    return syncStatus.watch(setValue);
  }, []);
  return value;
}
