// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, resolveAll, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  CARD_LIFETIME_MS,
  MISS_LIFETIME_MS,
  newLookupBudget,
  TITLE_REFILL_MS,
} from '../../../core/cache-policy';
import { seedAliasPack } from '../../../data/alias-pack';
import { GlossDb } from '../../../data/db';
import { createCardService } from '../../../services/cards';
import { createNameResolver } from '../../../services/name-resolution';

const test = useServices(1_000_000);

/** The name resolver and the card service, as the background composes them, on the stand-in. */
const service = (timeoutMs = 2000) => {
  const deps = {
    db: test.db,
    cache: test.cache,
    http: http(timeoutMs),
    wikipedia: async (wiki: string) => ({ origin: `${test.server.origin}/${wiki}`, lang: wiki }),
    cardWiki: async () => 'en',
    wikidata: async () => ({ origin: test.server.origin, lang: 'en' }),
    now: () => test.clock,
  };
  const resolver = createNameResolver(deps);
  return {
    ...resolver,
    ...createCardService(deps),
    resolveNames: (names: string[], site?: string, lang?: string) =>
      resolveAll(resolver, names, site, lang),
  };
};

/** Counts the stand-in Wikipedia's requests made while `work` runs. */
async function requestsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = test.server.apiRequests();
  await work();
  return test.server.apiRequests() - before;
}

describe('resolveNames', () => {
  it('asks about a page of names in one request, then never again', async () => {
    const names = [
      'Myanmar',
      'Min Aung Hlaing',
      'Aung San Suu Kyi',
      'China',
      'Nobody Here',
      'Mass',
    ];
    let first: Record<string, { key: string }> = {};
    // One title lookup, and one spelling search for the missing two-word name.
    expect(await requestsDuring(async () => (first = await service().resolveNames(names)))).toBe(2);
    expect(Object.keys(first).sort()).toEqual([
      'Aung San Suu Kyi',
      'China',
      'Min Aung Hlaing',
      'Myanmar',
    ]);
    expect(first['Min Aung Hlaing']).toEqual({
      key: 'en:Min_Aung_Hlaing',
      title: 'Min Aung Hlaing',
    });

    // A fresh service on the same database: as after the browser restarts.
    let again: Record<string, unknown> = {};
    expect(await requestsDuring(async () => (again = await service().resolveNames(names)))).toBe(0);
    expect(again).toEqual(first);
  });

  it('follows redirects to the article, and carries its Wikidata item for the card', async () => {
    const resolved = await service().resolveNames([
      'UN',
      'Association of Southeast Asian Nations',
      'UN General Assembly',
    ]);
    expect(resolved).toEqual({
      UN: { key: 'en:United_Nations', title: 'United Nations', wikidataId: 'Q1065' },
      'Association of Southeast Asian Nations': {
        key: 'en:ASEAN',
        title: 'ASEAN',
        wikidataId: 'Q7768',
      },
      'UN General Assembly': {
        key: 'en:United_Nations_General_Assembly',
        title: 'United Nations General Assembly',
        wikidataId: 'Q47423',
      },
    });
  });

  it('marks an ambiguous name as such, and remembers it is one', async () => {
    expect(await service().resolveNames(['NLD'], 'news.example')).toEqual({
      NLD: { key: 'en:NLD', title: 'NLD', ambiguous: { name: 'NLD' } },
    });
    expect(await test.db.aliases.get('en:nld')).toMatchObject({
      outcome: 'ambiguous',
      title: 'NLD',
      key: null,
    });
  });

  it('resolves an ambiguous name to the meaning the reader chose on that site only', async () => {
    await test.db.choices.put({
      site: 'news.example',
      alias: 'karen',
      key: 'en:Karen_people',
      title: 'Karen people',
      chosenAt: 1,
    });
    expect(await service().resolveNames(['Karen'], 'news.example')).toEqual({
      Karen: { key: 'en:Karen_people', title: 'Karen people' },
    });
    expect(await service().resolveNames(['Karen'], 'other.example')).toEqual({
      Karen: { key: 'en:Karen', title: 'Karen', ambiguous: { name: 'Karen' } },
    });
  });

  it('finds a name spelt another way by search', async () => {
    expect(await service().resolveNames(['Sergei Shoygu'])).toEqual({
      'Sergei Shoygu': { key: 'en:Sergei_Shoigu', title: 'Sergei Shoigu' },
    });
    expect(await test.db.aliases.get('en:sergei shoygu')).toMatchObject({
      source: 'search',
      score: 0.8,
    });
  });

  it('asks again about a miss once its lifetime has passed', async () => {
    await service().resolveNames(['Nobody']);
    test.clock += MISS_LIFETIME_MS - 1;
    expect(await requestsDuring(() => service().resolveNames(['Nobody']))).toBe(0);
    test.clock += 2;
    expect(await requestsDuring(() => service().resolveNames(['Nobody']))).toBe(1);
  });

  it('uses the alias pack: "Burma" is asked about as "Myanmar"', async () => {
    expect(await seedAliasPack(test.db, test.clock)).toBeGreaterThan(1000);
    expect(await service().resolveNames(['Burma'])).toEqual({
      Burma: { key: 'en:Myanmar', title: 'Myanmar', wikidataId: 'Q836' },
    });
    expect(test.server.requests.at(-1)!.path).toBe('/w/api.php');
    expect(await test.db.aliases.get('en:burma')).toMatchObject({
      outcome: 'found',
      source: 'pack',
    });
    // Seeding again is a no-op, and keeps what Wikipedia said.
    expect(await seedAliasPack(test.db, test.clock)).toBe(0);
    expect(await test.db.aliases.get('en:burma')).toMatchObject({ outcome: 'found' });
  });

  it('stores no failure as data, so the next page asks again', async () => {
    test.server.failNext(503);
    expect(await service().resolveNames(['Myanmar'])).toEqual({});
    test.server.failNext('hang');
    expect(await service(200).resolveNames(['Myanmar'])).toEqual({});
    expect(await test.db.aliases.count()).toBe(0);
    expect(await service().resolveNames(['Myanmar'])).toHaveProperty('Myanmar');
  });

  it('stops asking when Wikipedia says it is busy', async () => {
    const names = Array.from({ length: 120 }, (_, index) => `Name${index}`);
    test.server.failNext(429);
    expect(await requestsDuring(() => service().resolveNames(names))).toBe(1);
  });

  it('batches at most 50 names a request and bounds a page to 200', async () => {
    const names = Array.from({ length: 260 }, (_, index) => `Name${index}`);
    expect(await requestsDuring(() => service().resolveNames(names))).toBe(4);
  });

  it("earns a page's spent budget back slowly, so a growing page's new names are looked up", async () => {
    const resolver = service();
    const budget = newLookupBudget(test.clock);
    const lookUp = async (names: string[]) => {
      const { resolved, later } = await resolver.resolveNamesInSteps(names, '', budget);
      return { ...resolved, ...(await later?.resolved) };
    };
    await lookUp(Array.from({ length: 200 }, (_, index) => `Name${index}`));
    expect(Object.keys(await lookUp(['Myanmar']))).toEqual([]);
    test.clock += TITLE_REFILL_MS * 2;
    // Two titles earned back: two of the three names are asked about.
    expect(Object.keys(await lookUp(['Myanmar', 'China', 'Min Aung Hlaing']))).toEqual([
      'Myanmar',
      'China',
    ]);
    expect(budget.titles).toBe(0);
    // However long the page stays quiet, it never has more than a first visit's budget.
    test.clock += TITLE_REFILL_MS * 10_000;
    expect(await requestsDuring(() => lookUp(Array.from({ length: 260 }, (_, i) => `N${i}`)))).toBe(
      4,
    );
  });

  it('uses what a site taught on that site only: another site asks as if never met', async () => {
    const names = ['Myanmar', 'Min Aung Hlaing'];
    const resolver = service();
    const onSite = (site: string) => resolveAll(resolver, names, site);
    const first = await onSite('news.example');
    expect(Object.keys(first).sort()).toEqual(['Min Aung Hlaing', 'Myanmar']);
    expect(await requestsDuring(() => onSite('news.example'))).toBe(0);
    // A probing site pays the same request, and waits as long, as for names the reader never met.
    let probed = {};
    expect(await requestsDuring(async () => (probed = await onSite('probe.example')))).toBe(1);
    expect(probed).toEqual(first);
    // Its budget spent, it gets nothing for them, as for any new name.
    const spent = { ...newLookupBudget(test.clock), titles: 0 };
    const resolution = await resolver.resolveNamesInSteps(names, 'third.example', spent);
    expect(resolution).toEqual({ resolved: {} });
    // Both sites are remembered: neither asks again.
    expect(await requestsDuring(() => onSite('news.example'))).toBe(0);
    expect(await requestsDuring(() => onSite('probe.example'))).toBe(0);
  });

  it('looks up a name asked by several tabs at once only once', async () => {
    const entities = service();
    const count = await requestsDuring(async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => entities.resolveNames(['Myanmar', 'China'])),
      );
      expect(answers.every((answer) => answer.Myanmar?.key === 'en:Myanmar')).toBe(true);
    });
    expect(count).toBe(1);
  });
});

describe("a page in another language than the reader's cards", () => {
  const onFrenchPage = (names: string[]) => service().resolveNames(names, 'journal.example', 'fr');
  const general = 'Aung Lin Dwe';

  it("looks its names up on that language's Wikipedia and shows the card wiki's article on each", async () => {
    const before = test.server.requests.length;
    const resolved = await onFrenchPage(['Birmanie', 'ASEAN', general, 'Personne']);
    expect(resolved).toEqual({
      Birmanie: {
        key: 'en:Myanmar',
        title: 'Myanmar',
        wikidataId: 'Q836',
        original: { key: 'fr:Birmanie', title: 'Birmanie' },
      },
      // A redirect on the French Wikipedia, to its article on the association.
      ASEAN: {
        key: 'en:ASEAN',
        title: 'ASEAN',
        wikidataId: 'Q7768',
        original: {
          key: "fr:Association_des_nations_de_l'Asie_du_Sud-Est",
          title: "Association des nations de l'Asie du Sud-Est",
        },
      },
      // The English Wikipedia has no article on it: the French one's card, said to be so.
      [general]: {
        key: 'fr:Aung_Lin_Dwe',
        title: general,
        wikidataId: 'Q999000050',
        original: { key: 'fr:Aung_Lin_Dwe', title: general },
      },
    });
    const asked = test.server.requests.slice(before);
    expect(asked.filter((request) => request.query.includes('titles='))).toEqual([
      expect.objectContaining({ wiki: 'fr' }),
    ]);
    // Wikidata is asked once, for the items' English articles only.
    const sitelinks = asked.filter((request) => request.query.includes('props=sitelinks'));
    expect(sitelinks).toHaveLength(1);
    expect(new URLSearchParams(sitelinks[0]!.query).get('sitefilter')).toBe('enwiki');
  });

  it('keeps what it learnt per wiki: nothing is asked twice, and an English page asks anew', async () => {
    const first = await onFrenchPage(['Birmanie', general]);
    expect(await requestsDuring(() => onFrenchPage(['Birmanie', general]))).toBe(0);
    expect(await onFrenchPage(['Birmanie', general])).toEqual(first);
    expect(await test.db.aliases.get('fr:birmanie')).toMatchObject({
      key: 'fr:Birmanie',
      sitelinks: { en: 'Myanmar' },
    });
    // The same name on an English page is the English Wikipedia's to answer ("Birmanie": none).
    expect(await service().resolveNames(['Birmanie'])).toEqual({});
    expect(await test.db.aliases.get('en:birmanie')).toMatchObject({ outcome: 'missing' });
  });

  it("shows the page wiki's article while Wikidata cannot be asked, and asks again next time", async () => {
    // Known on the French Wikipedia, but not yet which English article is the same subject.
    await test.db.aliases.put({
      alias: 'fr:birmanie',
      outcome: 'found',
      key: 'fr:Birmanie',
      title: 'Birmanie',
      wikidataId: 'Q836',
      source: 'wikipedia',
      score: 1,
      checkedAt: test.clock,
      sites: ['journal.example'],
    });
    test.server.failNext(503);
    expect(await onFrenchPage(['Birmanie'])).toEqual({
      Birmanie: {
        key: 'fr:Birmanie',
        title: 'Birmanie',
        wikidataId: 'Q836',
        original: { key: 'fr:Birmanie', title: 'Birmanie' },
      },
    });
    expect((await onFrenchPage(['Birmanie'])).Birmanie).toMatchObject({ key: 'en:Myanmar' });
  });

  it('reads a page in a language Gloss has no Wikipedia for against the card wiki', async () => {
    expect(await service().resolveNames(['Myanmar'], 'site.example', 'ja')).toEqual({
      Myanmar: { key: 'en:Myanmar', title: 'Myanmar', wikidataId: 'Q836' },
    });
  });

  it('fetches a card from its own wiki', async () => {
    const card = await service().getCard('fr:Aung_Lin_Dwe');
    expect(card).toMatchObject({
      ok: true,
      value: { lang: 'fr', title: general, pageUrl: expect.stringContaining('fr.wikipedia.org') },
    });
  });
});

describe('resolveNamesInSteps', () => {
  it('answers the cached names at once and those it must look up once it has', async () => {
    const entities = service();
    await entities.resolveNames(['Myanmar']);
    const { resolved, later } = await entities.resolveNamesInSteps(['Myanmar', 'China']);
    expect(Object.keys(resolved)).toEqual(['Myanmar']);
    expect([...later!.names]).toEqual(['China']);
    const all = await later!.resolved;
    expect(Object.keys(all).sort()).toEqual(['China', 'Myanmar']);
    expect((await entities.resolveNamesInSteps(['Myanmar', 'China'])).later).toBeUndefined();
  });

  it('waits for a name another tab is looking up rather than asking again', async () => {
    const entities = service();
    const requests = await requestsDuring(async () => {
      const first = await entities.resolveNamesInSteps(['China']);
      const second = await entities.resolveNamesInSteps(['China']);
      expect([...second.later!.names]).toEqual(['China']);
      expect((await second.later!.resolved).China?.key).toBe('en:China');
      await first.later!.resolved;
    });
    expect(requests).toBe(1);
  });
});

describe('getCard', () => {
  it('fetches a summary once, then serves it from the database', async () => {
    const first = await service().getCard('en:Aung_San_Suu_Kyi');
    expect(first.ok && first.value.description).toBe(
      'Burmese politician and Nobel Peace Prize laureate',
    );
    expect(await requestsDuring(() => service().getCard('en:Aung_San_Suu_Kyi'))).toBe(0);
  });

  it('shows a card older than its lifetime at once and refreshes it for the next look', async () => {
    await service().getCard('en:ASEAN');
    await test.db.entities.update('en:ASEAN', (record) => {
      record.summary.description = 'an old description';
    });
    test.clock += CARD_LIFETIME_MS + 1;
    const { getCard } = service();
    const stale = await getCard('en:ASEAN');
    expect(stale.ok && stale.value.description).toBe('an old description');
    await getCard.settled();
    const fresh = await getCard('en:ASEAN');
    expect(fresh.ok && fresh.value.description).not.toBe('an old description');
  });

  it('keeps the old card whole when the worker stops during its refresh', async () => {
    await service().getCard('en:ASEAN');
    await test.db.entities.update('en:ASEAN', (record) => {
      record.summary.description = 'an old description';
    });
    test.clock += CARD_LIFETIME_MS + 1;
    const { getCard } = service();
    await getCard('en:ASEAN');
    // The refresh is under way; the worker goes, and its database connection with it.
    const name = test.db.name;
    test.db.close();
    await getCard.settled();
    test.db = new GlossDb(name);
    const record = await test.db.entities.get('en:ASEAN');
    expect(record?.summary.description).toBe('an old description');
    expect(record?.summary.title).toBe('ASEAN');
    // The next worker refreshes it as if nothing happened.
    const next = service();
    await next.getCard('en:ASEAN');
    await next.getCard.settled();
    expect((await test.db.entities.get('en:ASEAN'))?.summary.description).not.toBe(
      'an old description',
    );
  });

  it('survives the database being closed and opened again', async () => {
    await service().getCard('en:ASEAN');
    const name = test.db.name;
    test.db.close();
    test.db = new GlossDb(name);
    expect(await requestsDuring(() => service().getCard('en:ASEAN'))).toBe(0);
  });

  it('says why when the article cannot be had, and stores nothing', async () => {
    expect(await service().getCard('en:No_such_article')).toEqual({
      ok: false,
      error: { kind: 'not-found' },
    });
    test.server.failNext(500);
    expect(await service().getCard('en:ASEAN')).toEqual({
      ok: false,
      error: { kind: 'http', status: 500 },
    });
    expect(await test.db.entities.count()).toBe(0);
  });
});

describe('the database', () => {
  it('upgrades a version 1 database and keeps its data', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({ entities: 'key, lastUsedAt', aliases: 'alias, checkedAt' });
    await old.table('aliases').bulkPut([
      { alias: 'myanmar', key: 'en:Myanmar', outcome: 'found', checkedAt: 5 },
      { alias: 'nobody', key: null, outcome: 'missing', checkedAt: 5 },
    ]);
    await old
      .table('entities')
      .put({ key: 'en:Myanmar', summary: { title: 'Myanmar' }, fetchedAt: 5, lastUsedAt: 5 });
    old.close();

    const upgraded = new GlossDb(name);
    expect(await upgraded.aliases.get('en:myanmar')).toEqual({
      alias: 'en:myanmar',
      key: 'en:Myanmar',
      outcome: 'found',
      title: 'Myanmar',
      source: 'wikipedia',
      score: 1,
      checkedAt: 5,
    });
    expect(await upgraded.aliases.get('en:nobody')).toMatchObject({
      outcome: 'missing',
      source: 'wikipedia',
    });
    expect(await upgraded.entities.get('en:Myanmar')).toMatchObject({
      summary: { title: 'Myanmar' },
    });
    await upgraded.delete();
  });

  it('upgrades a version 5 database, keeping subscriptions (as entity topics), choices and readings', async () => {
    const name = `upgrade5-${Math.random()}`;
    const old = new Dexie(name);
    old.version(5).stores({
      entities: 'key, lastUsedAt',
      aliases: 'alias, checkedAt, source',
      meta: 'name',
      facts: 'wikidataId, fetchedAt',
      related: 'key, fetchedAt',
      subscriptions: 'key, subscribedAt',
      choices: '[site+alias]',
      readings: '[key+url], key, seenAt',
    });
    await old.table('subscriptions').put({ key: 'en:ASEAN', title: 'ASEAN', subscribedAt: 9 });
    await old
      .table('choices')
      .put({ site: 'news.example', alias: 'karen', key: 'en:Karen_people', title: 'Karen people' });
    await old
      .table('readings')
      .put({ key: 'en:ASEAN', url: 'https://news.example/a', title: 'A', seenAt: 9 });
    old.close();

    const upgraded = new GlossDb(name);
    expect(await upgraded.subscriptions.get('en:ASEAN')).toEqual({
      key: 'en:ASEAN',
      title: 'ASEAN',
      subscribedAt: 9,
      kind: 'entity',
      query: 'ASEAN',
      notify: false,
    });
    expect(await upgraded.choices.get(['news.example', 'karen'])).toMatchObject({
      key: 'en:Karen_people',
    });
    expect(await upgraded.readings.get(['en:ASEAN', 'https://news.example/a'])).toMatchObject({
      seenAt: 9,
      site: 'news.example',
    });
    expect(await upgraded.topicArticles.count()).toBe(0);
    await upgraded.delete();
  });

  it.each([
    [2, { entities: 'key, lastUsedAt', aliases: 'alias, checkedAt, source', meta: 'name' }],
    [
      3,
      {
        entities: 'key, lastUsedAt',
        aliases: 'alias, checkedAt, source',
        meta: 'name',
        facts: 'wikidataId, fetchedAt',
      },
    ],
  ])('upgrades a version %i database and keeps its cache', async (version, stores) => {
    const name = `upgrade${version}-${Math.random()}`;
    const old = new Dexie(name);
    old.version(version).stores(stores);
    await old.table('aliases').put({
      alias: 'asean',
      key: 'en:ASEAN',
      title: 'ASEAN',
      outcome: 'found',
      source: 'pack',
      score: 1,
      checkedAt: 3,
    });
    await old.table('meta').put({ name: 'aliasPack', value: 2 });
    old.close();

    const upgraded = new GlossDb(name);
    expect(await upgraded.aliases.get('en:asean')).toMatchObject({
      key: 'en:ASEAN',
      source: 'pack',
    });
    expect(await upgraded.meta.get('aliasPack')).toEqual({ name: 'aliasPack', value: 2 });
    expect(await upgraded.subscriptions.count()).toBe(0);
    await upgraded.delete();
  });

  it('upgrades a version 4 database, keeping facts and articles, and adds the reader’s tables', async () => {
    const name = `upgrade4-${Math.random()}`;
    const old = new Dexie(name);
    old.version(4).stores({
      entities: 'key, lastUsedAt',
      aliases: 'alias, checkedAt, source',
      meta: 'name',
      facts: 'wikidataId, fetchedAt',
      related: 'key, fetchedAt',
    });
    await old.table('facts').put({ wikidataId: 'Q7768', facts: { facts: [] }, fetchedAt: 7 });
    await old.table('related').put({ key: 'en:ASEAN', articles: [], fetchedAt: 7 });
    await old.table('meta').put({ name: 'aliasPack', value: 3 });
    old.close();

    const upgraded = new GlossDb(name);
    expect(await upgraded.facts.get('Q7768')).toMatchObject({ fetchedAt: 7 });
    expect(await upgraded.related.get('en:ASEAN')).toMatchObject({ fetchedAt: 7 });
    expect(await upgraded.meta.get('aliasPack')).toEqual({ name: 'aliasPack', value: 3 });
    await upgraded.subscriptions.put({
      key: 'en:ASEAN',
      kind: 'entity',
      title: 'ASEAN',
      query: 'ASEAN',
      notify: false,
      subscribedAt: 8,
    });
    expect(await upgraded.subscriptions.count()).toBe(1);
    expect(await upgraded.readings.count()).toBe(0);
    await upgraded.delete();
  });
});
