import type { CardActions } from '../components/EntityCard';
import type { SearchResult } from '../components/SearchBox';
import {
  cardReducer,
  factsItemOf,
  viewOf,
  type CardEvent,
  type CardModel,
  type CardState,
} from '../core/card';
import type { ResolvedName } from '../core/entity';
import type { SourceError } from '../core/errors';
import { memoByKey } from '../core/memo';
import { NEWS_SOURCES, type NewsAnswer, type NewsSource } from '../core/news';
import type { Result } from '../core/result';
import { askSource, callBackground } from '../messaging/background';

/** Where a card is shown: the page's site and address, and the name as the page writes it. */
export interface CardPlace {
  /** The page's host (choices and unmarked names are kept per site); absent outside pages. */
  site?: string;
  pageUrl: string;
  name: string;
}

/** What only a card on a page can do: correct its name, and tell the page's marks. */
export interface PageSide {
  /** Shows the search for what `name` means here, instead of the card ("Not this?"). */
  correct(name: string, onPick: (result: SearchResult) => void, onCancel: () => void): void;
  /** The reader chose what `name` means on this site: every mention of it now means `entity`. */
  onChosen(name: string, entity: ResolvedName): void;
  /** The reader asked for the name not to be marked (the background has it written down). */
  onUnmarked(name: string): void;
  /** Gives the card the keyboard (after a choice, where the reader's focus was in the card). */
  focus(): void;
}

export interface CardLoaderDeps {
  /** Draws the card on screen; called on each change to it. */
  draw(state: CardState, actions: CardActions): void;
  page?: PageSide;
}

/** Each part is asked for once per page; a part that failed is asked again on the next look. */
const succeeded = (answer: Result<unknown, SourceError>) => answer.ok;

/** The readers counted are the page's own wiki's: a name met on a French page, French Wikipedia's. */
const attentionKey = (entity: ResolvedName) => entity.original?.key ?? entity.key;

/** A news answer is kept once it is final: one that only said where its request stood is asked again. */
const settledNews = (answer: Result<NewsAnswer<unknown>, SourceError>) =>
  answer.ok && answer.value.status !== 'waiting';

/**
 * The one card pipeline, for the in-page card and the popup's: asks for every part of a card at
 * once (at hover intent when there is one), feeds the answers to the card's reducer, and draws
 * what it makes of them. Answers are remembered per key, so a second look asks nothing.
 *
 * Long as a whole because it is a factory: its functions share the card being shown and the
 * answers remembered, and each of them is short.
 */
export function createCardLoader({ draw, page }: CardLoaderDeps) {
  const loadSummary = memoByKey((key: string) => askSource('getCard', key), String, succeeded);
  const loadFacts = memoByKey((item: string) => askSource('getFacts', item), String, succeeded);
  const loadRelated = memoByKey(
    (key: string, title: string, source: NewsSource) => askSource('getRelated', key, title, source),
    (key, _title, source) => `${source} ${key}`,
    settledNews,
  );
  const loadCoverage = memoByKey(
    (key: string, title: string) => askSource('getCoverage', key, title),
    (key) => key,
    settledNews,
  );
  const loadAttention = memoByKey(
    (key: string) => askSource('getAttention', key),
    String,
    settledNews,
  );
  const loadChoices = memoByKey(
    (name: string, title: string) => askSource('getChoices', name, title),
    (name) => name,
    succeeded,
  );

  let card: CardModel | undefined;
  let place: CardPlace = { pageUrl: '', name: '' };
  let showings = 0;
  /** The entity whose card is on screen, whose news requests go first. */
  let shownKey: string | undefined;
  /** The reader is searching for what the name means: the card's late parts must not replace it. */
  let correcting = false;

  function dispatch(event: CardEvent): void {
    const next = cardReducer(card, event);
    if (next === card) return;
    card = next;
    if (card && !correcting) draw(viewOf(card), actionsFor(card));
  }

  /** Starts every request a card needs, before it shows (hover intent), so it is there when it does. */
  function prefetch(entity: ResolvedName): void {
    if (entity.ambiguous) {
      void loadChoices(false, entity.ambiguous.name, entity.title);
      return;
    }
    void callBackground('newsInterest', entity.key, 'intent');
    void loadSummary(false, entity.key);
    if (entity.wikidataId) void loadFacts(false, entity.wikidataId);
    for (const source of NEWS_SOURCES) void loadRelated(false, entity.key, entity.title, source);
    void loadCoverage(false, entity.key, entity.title);
    void loadAttention(false, attentionKey(entity));
  }

  /**
   * Feeds a news part's answers to the card until it is final: an answer that only says where
   * its request stands is shown, and asked again (the background answers when it can), for as
   * long as this showing lasts. A card closed meanwhile stops asking; its request goes on.
   */
  async function follow<T>(
    showing: number,
    ask: (fresh: boolean) => Promise<Result<NewsAnswer<T>, SourceError>>,
    event: (answer: Result<NewsAnswer<T>, SourceError>) => CardEvent,
    fresh: boolean,
  ): Promise<void> {
    for (let again = fresh; ; again = false) {
      const answer = await ask(again);
      if (showing !== showings) return;
      dispatch(event(answer));
      if (!answer.ok || answer.value.status !== 'waiting') return;
    }
  }

  /** Opens the card for `entity` at `where`, every part asked for together; `fresh` asks again. */
  function open(entity: ResolvedName, where: CardPlace, fresh = false): Promise<void> {
    place = where;
    correcting = false;
    const showing = ++showings;
    dispatch({ type: 'opened', showing, entity, name: where.name });
    if (entity.ambiguous) {
      return loadChoices(fresh, entity.ambiguous.name, entity.title).then((answer) =>
        dispatch({ type: 'choices', showing, answer }),
      );
    }
    const facts = (item: string) =>
      loadFacts(fresh, item).then((answer) => dispatch({ type: 'facts', showing, answer }));
    const summary = loadSummary(fresh, entity.key).then((answer) => {
      dispatch({ type: 'summary', showing, answer });
      // Facts not known at hover time are asked for once the summary names the item.
      const item = card?.showing === showing ? factsItemOf(card) : undefined;
      if (item && !entity.wikidataId) {
        dispatch({ type: 'asked', showing, part: 'facts' });
        return facts(item);
      }
    });
    void callBackground('newsInterest', entity.key, 'open');
    shownKey = entity.key;
    return Promise.all([
      summary,
      entity.wikidataId ? facts(entity.wikidataId) : undefined,
      ...NEWS_SOURCES.map((source) =>
        follow(
          showing,
          (again) => loadRelated(again, entity.key, entity.title, source),
          (answer) => ({ type: 'related', showing, source, answer }),
          fresh,
        ),
      ),
      follow(
        showing,
        (again) => loadCoverage(again, entity.key, entity.title),
        (answer) => ({ type: 'coverage', showing, answer }),
        fresh,
      ),
      follow(
        showing,
        (again) => loadAttention(again, attentionKey(entity)),
        (answer) => ({ type: 'attention', showing, answer }),
        fresh,
      ),
      // Asked afresh each time: the reader may have subscribed in another tab.
      callBackground('getReaderData', entity.key, where.pageUrl).then(
        (answer) => answer.ok && dispatch({ type: 'reader', showing, reader: answer.value }),
      ),
    ]).then(() => undefined);
  }

  /** The card is no longer on screen: answers still on their way are dropped. */
  function close(): void {
    // Its requests go on (their answers fill the cache), but no longer ahead of others.
    if (shownKey !== undefined) void callBackground('newsInterest', shownKey, 'none');
    shownKey = undefined;
    showings += 1;
    card = undefined;
    correcting = false;
  }

  function subscribe(showing: number, entity: ResolvedName, title: string, subscribed: boolean) {
    dispatch({ type: 'subscribed', showing, subscribed });
    // Shown at once; put back when the background refuses (a private window) or fails.
    void callBackground('setSubscribed', entity.key, title, subscribed).then((answer) => {
      if (!answer.ok) dispatch({ type: 'subscribed', showing, subscribed: !subscribed });
    });
  }

  /**
   * The reader says what `name` means on this site (a meaning of an ambiguous name, or the right
   * entity for a wrong one): remembered for the site, the page's mentions follow, the card shows it.
   */
  async function choose(side: PageSide, site: string, name: string, title: string) {
    const showing = showings;
    const chosen = await callBackground('chooseMeaning', site, name, title);
    if (!chosen.ok || showing !== showings) return;
    side.onChosen(name, chosen.value);
    await open(chosen.value, place);
    side.focus();
  }

  function actionsFor(shown: CardModel): CardActions {
    const { showing, entity, summary } = shown;
    const here = place;
    const actions: CardActions = { onRetry: () => void open(entity, here, true) };
    if (summary.status === 'ready' && shown.reader)
      actions.onSubscribe = (on) => subscribe(showing, entity, summary.value.title, on);
    const { site } = here;
    if (!page || site === undefined) return actions;
    if (entity.ambiguous) {
      const asked = entity.ambiguous.name;
      actions.onChoose = (title) => void choose(page, site, asked, title);
      return actions;
    }
    actions.onNotThis = () => {
      correcting = true;
      page.correct(
        here.name,
        (hit) => void choose(page, site, here.name, hit.title),
        () => void open(entity, here),
      );
    };
    actions.onUnmark = (anywhere) =>
      void callBackground('unmarkName', site, here.name, anywhere).then((answer) => {
        if (answer.ok) page.onUnmarked(here.name);
        else dispatch({ type: 'problem', showing, message: answer.error });
      });
    return actions;
  }

  return { prefetch, open, close };
}
