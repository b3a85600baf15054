import { describe, expect, it } from 'vitest';
import type { RelatedArticle } from '../../../core/articles';
import {
  groupStories,
  languageName,
  readerLanguageFirst,
  sameStory,
  tellingWords,
} from '../../../core/stories';

let day = 28;
/** An article as GDELT lists it (its title untokenised), each one a little older than the last. */
const told = (
  title: string,
  domain: string,
  sourceCountry?: string,
  language = 'English',
): RelatedArticle => ({
  url: `https://${domain}/${encodeURIComponent(title)}`,
  title,
  domain,
  date: `2026-11-${String((day -= 1)).padStart(2, '0')}T08:00:00Z`,
  language,
  ...(sourceCountry ? { sourceCountry } : {}),
});

const headlines = (stories: ReturnType<typeof groupStories>) =>
  stories.map((story) => story.articles.map((article) => article.title));

describe('story grouping', () => {
  it('collapses syndicated copies, whatever their case and punctuation, into one story', () => {
    day = 28;
    const stories = groupStories(
      [
        told(
          "ASEAN ministers weigh next steps on Myanmar's peace plan",
          'wire.example',
          'Thailand',
        ),
        told(
          "ASEAN Ministers Weigh Next Steps On Myanmar's Peace Plan",
          'herald.example',
          'Malaysia',
        ),
        told(
          'ASEAN ministers weigh next steps on Myanmar’s peace plan',
          'star.example',
          'Malaysia',
        ),
      ],
      'ASEAN',
    );
    expect(stories).toHaveLength(1);
    expect(stories[0]!.outlets).toEqual(['wire.example', 'herald.example', 'star.example']);
    expect(stories[0]!.countries).toEqual(['Thailand', 'Malaysia']);
  });

  it('joins paraphrased headlines of one event, and keeps the newest as the lead', () => {
    day = 28;
    const stories = groupStories(
      [
        told('ASEAN leaders meet in Jakarta over Myanmar crisis', 'reuters.example'),
        told('Myanmar crisis tops agenda as ASEAN leaders gather in Jakarta', 'straits.example'),
        told('Jakarta summit: ASEAN leaders to discuss Myanmar crisis', 'jakpost.example'),
      ],
      'ASEAN',
    );
    expect(headlines(stories)).toEqual([
      [
        'ASEAN leaders meet in Jakarta over Myanmar crisis',
        'Myanmar crisis tops agenda as ASEAN leaders gather in Jakarta',
        'Jakarta summit: ASEAN leaders to discuss Myanmar crisis',
      ],
    ]);
    expect(stories[0]!.lead.domain).toBe('reuters.example');
  });

  it('keeps different stories about the same entity apart', () => {
    day = 28;
    const stories = groupStories(
      [
        told('ASEAN leaders meet in Jakarta over Myanmar crisis', 'reuters.example'),
        told('ASEAN foreign ministers discuss South China Sea code of conduct', 'scmp.example'),
        told('Earthquake hits Jakarta; ASEAN offers aid', 'bbc.example'),
        told('ASEAN trade bloc signs digital economy pact', 'nikkei.example'),
        told('Thailand and Cambodia agree ceasefire brokered by ASEAN', 'bangkokpost.example'),
      ],
      'ASEAN',
    );
    expect(stories).toHaveLength(5);
  });

  it('joins headlines in two languages that name the same people and places', () => {
    day = 28;
    const stories = groupStories(
      [
        told('Macron and Merkel meet in Berlin over Ukraine', 'dw.example', 'Germany'),
        told(
          "Macron et Merkel se retrouvent à Berlin pour parler de l'Ukraine",
          'lemonde.example',
          'France',
          'French',
        ),
        told('Macron anuncia nuevas pensiones', 'elpais.example', 'Spain', 'Spanish'),
      ],
      'Emmanuel Macron',
    );
    expect(headlines(stories)).toHaveLength(2);
    expect(stories[0]!.languages).toEqual(['English', 'French']);
    expect(stories[0]!.countries).toEqual(['Germany', 'France']);
  });

  it('a feed item joins the story it belongs to', () => {
    day = 28;
    const fromGdelt = told(
      'ASEAN envoy heads to Naypyidaw as ceasefire talks stall',
      'asia.example',
    );
    const fromFeed = {
      ...told('Ceasefire talks stall as ASEAN envoy travels to Naypyidaw', 'my-feed.example'),
      language: undefined,
    } as RelatedArticle;
    const stories = groupStories([fromGdelt, fromFeed], 'ASEAN');
    expect(stories).toHaveLength(1);
    expect(stories[0]!.languages).toEqual(['English']);
  });

  it('lists stories newest first, at most as many as asked, each address once', () => {
    day = 28;
    const older = told('ASEAN trade bloc signs digital economy pact', 'nikkei.example');
    const newer = told('Thailand and Cambodia agree ceasefire brokered by ASEAN', 'bkk.example');
    newer.date = '2026-11-29T00:00:00Z';
    const stories = groupStories([older, newer, older], 'ASEAN', 1);
    expect(stories.map((story) => story.lead)).toEqual([newer]);
    expect(groupStories([older, older], 'ASEAN')[0]!.articles).toHaveLength(1);
  });
});

describe('telling words', () => {
  it('leave out function words of any news language and the entity’s own name', () => {
    const about = new Set(['asean']);
    expect([...tellingWords('ASEAN leaders meet in Jakarta over the crisis', about)]).toEqual([
      'leader',
      'meet',
      'jakart',
      'crisi',
    ]);
    expect([...tellingWords('Les dirigeants de l’ASEAN réunis à Jakarta', about)]).toEqual([
      'dirige',
      'reuni',
      'jakart',
    ]);
  });

  it('keep acronyms and numbers, short as they are', () => {
    expect([...tellingWords('UN says 3000 flee as EU weighs aid')]).toEqual(
      expect.arrayContaining(['un', '3000', 'eu']),
    );
  });

  it('one shared word is not a story', () => {
    expect(
      sameStory(new Set(['jakart', 'earthq', 'hits']), new Set(['jakart', 'leader', 'meet'])),
    ).toBe(false);
    expect(sameStory(new Set(), new Set())).toBe(false);
  });
});

describe('the reader’s language', () => {
  it('is named as GDELT names languages', () => {
    expect(languageName('fr-CA')).toBe('French');
    expect(languageName('en')).toBe('English');
  });

  it('puts its stories first, each group as it was', () => {
    day = 28;
    const stories = groupStories(
      [
        told('Sommet de l’ASEAN à Jakarta', 'lemonde.example', 'France', 'French'),
        told('ASEAN summit opens in Jakarta', 'reuters.example'),
        told('Cumbre de la ASEAN', 'elpais.example', 'Spain', 'Spanish'),
        told('ASEAN trade pact signed', 'nikkei.example'),
      ],
      'ASEAN',
    );
    expect(readerLanguageFirst(stories, 'English').map((s) => s.lead.domain)).toEqual([
      'reuters.example',
      'nikkei.example',
      'lemonde.example',
      'elpais.example',
    ]);
  });
});
