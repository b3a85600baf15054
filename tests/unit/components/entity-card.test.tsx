// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { EntityCard } from '../../../components/EntityCard';
import { RelatedArticles } from '../../../components/RelatedArticles';
import type { CardState } from '../../../core/card';
import type { EntitySummary } from '../../../core/entity';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { draw, press, texts } from './render';

const summary: EntitySummary = {
  key: 'en:Min_Aung_Hlaing',
  lang: 'en',
  title: 'Min Aung Hlaing',
  kind: 'standard',
  description: 'Burmese general',
  extract:
    'Min Aung Hlaing is a Burmese army general. He leads the military. He was born in 1956. More.',
  pageUrl: 'https://en.wikipedia.org/wiki/Min_Aung_Hlaing',
  wikidataId: 'Q6863661',
  dir: 'ltr',
};

const ready = (part: Partial<Extract<CardState, { status: 'ready' }>> = {}): CardState => ({
  status: 'ready',
  summary,
  facts: { status: 'idle' },
  news: { stories: [], notes: [], loading: false, empty: false, off: true },
  ...part,
});

describe('the entity card', () => {
  it('says it is loading, to sighted readers and screen readers alike', () => {
    const root = draw(<EntityCard state={{ status: 'loading', name: 'ASEAN' }} />);
    const card = root.querySelector('.card')!;
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(card.getAttribute('aria-label')).toBe('Loading ASEAN');
    expect(root.querySelectorAll('.skeleton').length).toBeGreaterThan(0);
  });

  it('keeps the focus it was given while its parts arrive (one element from loading to ready)', () => {
    const root = draw(<EntityCard state={{ status: 'loading', name: 'ASEAN' }} />);
    const focused = root.querySelector<HTMLElement>('.card')!;
    focused.focus();
    act(() => render(<EntityCard state={ready()} />, root));
    expect(root.querySelector('.card')).toBe(focused);
    expect(document.activeElement).toBe(focused);
  });

  it('shows an error as an alert, with Try again when there is a way to', () => {
    const onRetry = vi.fn();
    const root = draw(
      <EntityCard
        state={{ status: 'error', name: 'ASEAN', message: 'Wikipedia is busy right now.' }}
        actions={{ onRetry }}
      />,
    );
    expect(texts(root, '[role=alert]')).toEqual(['Wikipedia is busy right now.']);
    press(root.querySelector('button.retry'));
    expect(onRetry).toHaveBeenCalledOnce();
    const without = draw(<EntityCard state={{ status: 'error', name: 'ASEAN', message: 'x' }} />);
    expect(without.querySelector('button.retry')).toBeNull();
  });

  it("names the page language's article for a name found on a page in another language", () => {
    const root = draw(
      <EntityCard
        state={ready({
          original: { key: 'fr:Min_Aung_Hlaing', title: 'Min Aung Hlaing', translated: true },
        })}
      />,
    );
    const links = [...root.querySelectorAll('footer a')];
    expect(links.map((a) => a.textContent)).toContain('Min Aung Hlaing (French Wikipedia)');
    expect(links.map((a) => a.getAttribute('href'))).toContain(
      'https://fr.wikipedia.org/wiki/Min_Aung_Hlaing',
    );
    expect(root.querySelector('.note')).toBeNull();
  });

  it("says so when the card language has no article and the page language's is shown", () => {
    const french = { ...summary, key: 'fr:Junte', lang: 'fr', title: 'Junte' };
    const root = draw(
      <EntityCard
        state={ready({
          summary: french,
          original: { key: 'fr:Junte', title: 'Junte', translated: false },
        })}
      />,
    );
    expect(texts(root, '.note')).toEqual([
      'From French Wikipedia: there is no article on it in your card language.',
    ]);
    expect(root.querySelector('footer a')!.getAttribute('href')).toBe(french.pageUrl);
  });

  it('shows who it is: title, description, three sentences, and where to read more', () => {
    const root = draw(<EntityCard state={ready()} />);
    expect(texts(root, 'h2')).toEqual(['Min Aung Hlaing']);
    expect(texts(root, '.description')).toEqual(['Burmese general']);
    expect(root.querySelector('.extract')!.textContent).not.toContain('More.');
    const links = [...root.querySelectorAll('footer a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([summary.pageUrl, 'https://www.wikidata.org/wiki/Q6863661']);
    for (const a of root.querySelectorAll('a[target=_blank]'))
      expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('puts remote text in as text, never as markup', () => {
    const hostile = { ...summary, extract: '<img src=x onerror=alert(1)>Hello.' };
    const root = draw(<EntityCard state={ready({ summary: hostile })} />);
    expect(root.querySelector('.extract img')).toBeNull();
    expect(root.querySelector('.extract')!.textContent).toContain('<img');
  });

  it('draws facts and articles as they come, and says why articles are missing', () => {
    const loading = draw(
      <EntityCard
        state={ready({
          facts: { status: 'loading' },
          news: { stories: [], notes: [], loading: true, empty: false, off: false },
        })}
      />,
    );
    expect(loading.querySelectorAll('.skeleton').length).toBe(2);
    const root = draw(
      <EntityCard
        state={ready({
          facts: { status: 'ready', value: [{ label: 'Born', value: '3 July 1956' }] },
          news: {
            stories: [],
            notes: [
              { source: 'gdelt', kind: 'failed', text: 'GDELT took too long to answer.' },
              { source: 'googleNews', kind: 'waiting', text: 'Asking Google News…' },
            ],
            loading: false,
            empty: false,
            off: false,
          },
        })}
      />,
    );
    expect(texts(root, '.fact')).toEqual(['Born3 July 1956']);
    expect(texts(root, '.related-note')).toEqual([
      'GDELT took too long to answer.',
      'Asking Google News…',
    ]);
    const none = draw(
      <EntityCard
        state={ready({
          news: { stories: [], notes: [], loading: false, empty: true, off: false },
        })}
      />,
    );
    expect(texts(none, '.related-note')).toEqual(['No articles about this in the past week.']);
  });

  it('Subscribe says what it is and turns over on a press', () => {
    const onSubscribe = vi.fn();
    const root = draw(
      <EntityCard
        state={ready({ reader: { subscribed: false, reading: null } })}
        actions={{ onSubscribe }}
      />,
    );
    const button = root.querySelector('button.subscribe')!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    press(button);
    expect(onSubscribe).toHaveBeenCalledWith(true);
  });

  it('offers the corrections only where the card can make them', () => {
    const onNotThis = vi.fn();
    const onUnmark = vi.fn();
    const root = draw(
      <EntityCard state={ready({ name: 'Karen' })} actions={{ onNotThis, onUnmark }} />,
    );
    press(root.querySelector('button.not-this'));
    expect(onNotThis).toHaveBeenCalledOnce();
    const [here, anywhere] = root.querySelectorAll('.unmark-choices button');
    press(anywhere!);
    press(here!);
    expect(onUnmark.mock.calls).toEqual([[true], [false]]);
    expect(
      draw(<EntityCard state={ready({ name: 'Karen' })} />).querySelector('.corrections'),
    ).toBeNull();
  });

  it('an ambiguous name lists its meanings, and a press chooses one', () => {
    const onChoose = vi.fn();
    const root = draw(
      <EntityCard
        state={{
          status: 'ambiguous',
          name: 'NLD',
          choices: {
            status: 'ready',
            value: {
              choices: [
                {
                  title: 'National League for Democracy',
                  description: 'Political party in Myanmar',
                },
                { title: 'Netherlands' },
              ],
              pageUrl: 'https://en.wikipedia.org/wiki/NLD',
            },
          },
        }}
        actions={{ onChoose }}
      />,
    );
    expect(texts(root, '.choice-title')).toEqual(['National League for Democracy', 'Netherlands']);
    press(root.querySelectorAll('button.choice')[1]!);
    expect(onChoose).toHaveBeenCalledWith('Netherlands');
  });
});

describe('the card’s latest stories', () => {
  const told = (title: string, domain: string, language: string, date: string) => ({
    url: `https://${domain}/${encodeURIComponent(title)}`,
    title,
    domain,
    date,
    language,
  });
  const story = (article: ReturnType<typeof told>) => ({
    lead: article,
    articles: [article],
    outlets: [article.domain],
    countries: [],
    languages: [article.language],
  });

  it('lists the reader’s language first, and names another language where it is', () => {
    const french = story(told('Sommet de l’ASEAN', 'lemonde.example', 'French', '2026-11-28'));
    const english = story(told('ASEAN summit opens', 'reuters.example', 'English', '2026-11-27'));
    const root = draw(
      <RelatedArticles
        news={{ stories: [french, english], notes: [], loading: false, empty: false, off: false }}
        readerLanguage="English"
      />,
    );
    expect(texts(root, 'li > a')).toEqual(['ASEAN summit opens', 'Sommet de l’ASEAN']);
    expect(texts(root, '.related-source')[0]).not.toContain('English');
    expect(texts(root, '.related-source')[1]).toMatch(/ · French$/);
  });
});
