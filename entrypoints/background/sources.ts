import { browser } from 'wxt/browser';
import { Backoff } from '../../core/backoff';
import { keptUntilChanged } from '../../core/memo';
import { cardWiki, type Settings } from '../../core/settings';
import { sourceOverrides } from '../../data/settings-store';
import type { HttpDeps } from '../../gateways/http';
import { createNewsPacing } from '../../services/news-pacing';

/** Where the sources' 429 waits are kept across worker restarts. */
const BACKOFF_KEY = 'backoff';
/** Where the paced sources' last starts are kept across worker restarts. */
const PACING_KEY = 'pacing';

/**
 * How the background reaches its sources: one HTTP client whose 429 waits every part shares, and
 * where each source is (a local stand-in's address in the demo and the tests).
 */
export function createSources(settingsNow: () => Promise<Settings>) {
  const overridesNow = keptUntilChanged(
    () => sourceOverrides.getValue(),
    (forget) => sourceOverrides.watch(forget),
  );
  // A source's 429 wait outlives the worker (the browser stops an idle one within a minute), in
  // session storage: gone when the browser closes, as the wait would be long over by then.
  const backoff = new Backoff(Date.now, (waits) => {
    void browser.storage.session.set({ [BACKOFF_KEY]: waits }).catch(() => undefined);
  });
  void browser.storage.session
    .get(BACKOFF_KEY)
    .then((kept) => backoff.restore(kept[BACKOFF_KEY]))
    .catch(() => undefined);
  // The paced sources' last starts outlive the worker too, so a restart is no burst of requests.
  // Seeded with what was kept, so one source's first save does not overwrite another's.
  const kept: Record<string, unknown> = {};
  const keptBefore = browser.storage.session.get(PACING_KEY).then((stored) => {
    const before = stored[PACING_KEY] as Record<string, unknown> | undefined;
    for (const [source, state] of Object.entries(before ?? {})) kept[source] ??= state;
    return before;
  });
  const pacing = createNewsPacing({
    clock: {
      now: Date.now,
      after: (ms, run) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
    },
    kept: keptBefore,
    keep: (source, state) => {
      kept[source] = state;
      void browser.storage.session.set({ [PACING_KEY]: kept }).catch(() => undefined);
    },
  });
  const http: HttpDeps = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    userAgent: `Gloss/${browser.runtime.getManifest().version} (browser extension)`,
    timeoutMs: 8000,
    backoff,
    now: Date.now,
  };
  const cardLanguage = async () => cardWiki(await settingsNow(), browser.i18n.getUILanguage());
  // A stand-in's address may hold `{lang}`, so one local server answers for several Wikipedias.
  const wikipedia = async (wiki: string) => {
    const { wikipediaOrigin } = await overridesNow();
    return {
      lang: wiki,
      origin: wikipediaOrigin?.replace('{lang}', wiki) ?? `https://${wiki}.wikipedia.org`,
    };
  };
  const wikidata = async () => ({
    lang: await cardLanguage(),
    origin: (await overridesNow()).wikidataOrigin ?? 'https://www.wikidata.org',
  });
  /** GDELT's address, or undefined when the reader turned it off. */
  const gdelt = async () =>
    (await settingsNow()).useGdelt
      ? { origin: (await overridesNow()).gdeltOrigin ?? 'https://api.gdeltproject.org' }
      : undefined;
  const googleNews = async () =>
    (await settingsNow()).useGoogleNews
      ? { origin: (await overridesNow()).googleNewsOrigin ?? 'https://news.google.com' }
      : undefined;
  const pageviews = async () =>
    (await settingsNow()).usePageviews
      ? { origin: (await overridesNow()).pageviewsOrigin ?? 'https://wikimedia.org' }
      : undefined;
  return {
    http,
    pacing,
    cardLanguage,
    wikipedia,
    /** The card language's Wikipedia. */
    cardWikipedia: async () => wikipedia(await cardLanguage()),
    wikidata,
    gdelt,
    googleNews,
    pageviews,
  };
}
