import { useEffect, useState } from 'preact/hooks';
import { currentSettings, sanitiseSettings, settings, type Settings } from '../data/settings';

/** The reader's settings, kept current when they change anywhere (another page, the background). */
export function useSettings(): Settings | undefined {
  const [value, setValue] = useState<Settings | undefined>(undefined);
  useEffect(() => {
    void currentSettings().then(setValue);
    return settings.watch((next) => setValue(sanitiseSettings(next)));
  }, []);
  return value;
}
