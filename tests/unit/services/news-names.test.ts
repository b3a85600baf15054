// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import { createCardService } from '../../../services/cards';
import { createNewsNames } from '../../../services/news-names';

const test = useServices(1_000_000);

const newsName = (useWikidata = true) => {
  const wikidata = async () => ({ origin: test.server.origin, lang: 'fr' });
  const cards = createCardService({
    db: test.db,
    cache: test.cache,
    http: http(),
    wikipedia: async (wiki) => ({ origin: `${test.server.origin}/${wiki}`, lang: wiki }),
    now: () => test.clock,
  });
  return createNewsNames({
    http: http(),
    card: cards.getCard,
    wikidata,
    useWikidata: async () => useWikidata,
  });
};

describe('the name news is asked for by', () => {
  it("is an English article's title, without its parenthesis", async () => {
    expect(await newsName()('en:Karen_people', 'Karen people')).toBe('Karen people');
    expect(await newsName()('en:Georgia_(country)', 'Georgia (country)')).toBe('Georgia');
  });

  it("is the English Wikipedia's title for another wiki's article, asked once", async () => {
    const name = newsName();
    expect(await name('fr:Birmanie', 'Birmanie')).toBe('Myanmar');
    const before = test.server.apiRequests();
    expect(await name('fr:Birmanie', 'Birmanie')).toBe('Myanmar');
    expect(test.server.apiRequests()).toBe(before);
  });

  it("is the article's own title where English has none, or Wikidata cannot be asked", async () => {
    expect(await newsName()('fr:Aung_Lin_Dwe', 'Aung Lin Dwe')).toBe('Aung Lin Dwe');
    test.server.failNext(503);
    expect(await newsName()('fr:Chine', 'Chine')).toBe('Chine');
  });

  it('asks Wikidata nothing when the reader turned it off', async () => {
    const name = newsName(false);
    const before = test.server.requests.length;
    expect(await name('fr:Birmanie', 'Birmanie')).toBe('Birmanie');
    expect(test.server.requests.slice(before).map((request) => request.path)).not.toContain(
      '/w/api.php',
    );
  });
});
