/**
 * The Wikipedias Gloss reads, and the keys that say which one an answer came from: an article is
 * `fr:Union_européenne`, a name as looked up on a wiki `fr:union européenne`. A wiki's code never
 * holds a colon, so a key splits at its first one whatever the title holds.
 */

/** The Wikipedias a page may be read against and cards shown from, each named in its language. */
export const WIKIPEDIAS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['en', 'English'],
  ['cs', 'Čeština'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['it', 'Italiano'],
  ['nl', 'Nederlands'],
  ['pl', 'Polski'],
  ['pt', 'Português'],
  ['sv', 'Svenska'],
];

const CODES = new Set(WIKIPEDIAS.map(([code]) => code));

/** The Wikipedia a text in the BCP 47 language `tag` is read against ("pt-BR" → "pt"), if Gloss reads one. */
export function wikiOfLanguage(tag: string | undefined): string | undefined {
  const code = tag?.split(/[-_]/)[0]?.toLowerCase();
  return code && CODES.has(code) ? code : undefined;
}

/** A title as Wikipedia writes it in addresses and keys: "Union européenne" → "Union_européenne". */
export function canonicalTitle(title: string): string {
  return title.replace(/ /g, '_');
}

/** The key of an article on a wiki: `fr:Union_européenne`. */
export function keyOfTitle(wiki: string, title: string): string {
  return `${wiki}:${canonicalTitle(title)}`;
}

/** The wiki an article's key is on ("fr" for `fr:Union_européenne`). */
export function wikiOfKey(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** An article's title, from its key (`fr:Union_européenne` → "Union européenne"). */
export function titleOfKey(key: string): string {
  return key.slice(key.indexOf(':') + 1).replace(/_/g, ' ');
}

/** A title without the parenthesis that tells articles apart: "Georgia (country)" → "Georgia". */
export function bareTitle(title: string): string {
  return title.replace(/\s*\([^)]*\)$/, '');
}

/** What a name (normalised) is stored under for one wiki: the same name may mean another thing there. */
export function aliasId(wiki: string, alias: string): string {
  return `${wiki}:${alias}`;
}

/** The Wikidata site of a wiki's articles, as sitelinks name it ("frwiki"). */
export function sitelinkSite(wiki: string): string {
  return `${wiki}wiki`;
}

/** Where an article is read on its wiki. */
export function articleUrl(key: string): string {
  return `https://${wikiOfKey(key)}.wikipedia.org/wiki/${encodeURIComponent(key.slice(key.indexOf(':') + 1))}`;
}
