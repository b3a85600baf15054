import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A Dexie query's current answer, kept up to date as the background writes (Dexie tells every
 * context that opened the database). Undefined until the first answer.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.warn('Gloss could not read its database:', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
