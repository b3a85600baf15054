/** What the cache holds, or why it could not be read. */
export type CacheStats = { entities: number; aliases: number } | { error: string } | undefined;

/** The toolbar popup: what Gloss is doing. Search comes with the popup's own issue. */
export function PopupView({ stats }: { stats: CacheStats }) {
  return (
    <main class="surface">
      <h1>Gloss</h1>
      <p>Rest the pointer on an underlined name on any page to see who or what it is.</p>
      <p class="muted" aria-live="polite">
        {stats === undefined
          ? 'Reading the cache…'
          : 'error' in stats
            ? stats.error
            : `${stats.entities} ${stats.entities === 1 ? 'article' : 'articles'} saved for offline reading.`}
      </p>
    </main>
  );
}
