import type {
  CardActions,
  CardState,
  ChoicesState,
  ReaderState,
} from '../../components/EntityCard';
import type { SearchResult } from '../../components/SearchBox';
import type { ResolvedName } from '../../core/entity';
import { describeError, type SourceError } from '../../core/errors';
import { memoByKey } from '../../core/memo';
import type { Result } from '../../core/result';
import { callBackground } from '../../messaging/background';

/** Where the loader draws: the frame's card view. */
export interface CardView {
  show(state: CardState, actions?: CardActions): void;
  /** The search for what `name` means here, instead of the card ("Not this?"). */
  correct(name: string, onPick: (result: SearchResult) => void, onCancel: () => void): void;
  focus(): void;
}

/** What the loader needs: where the card goes, whether a showing is still wanted, the page's side. */
export interface CardLoaderDeps {
  view: CardView;
  /** Whether the showing with this token is still the one on screen (a later hover takes over). */
  isCurrent: (token: number) => boolean;
  /** The reader chose a meaning for an ambiguous name: every mention of it now means `entity`. */
  onChosen: (name: string, entity: ResolvedName) => void;
  /** The reader asked for the name not to be marked (the background has it written down). */
  onUnmarked: (name: string) => void;
}

/** The page a card shows on: its host (choices are kept per site), its address, the mention's words. */
export interface CardPage {
  site: string;
  pageUrl: string;
  name: string;
}

type Answer<T> = Result<Result<T, SourceError>>;

/** Each card part is asked for once per page; a part that failed is asked again on the next look. */
const succeeded = (answer: Answer<unknown>) => answer.ok && answer.value.ok;

/** Why a card has no latest articles, in the reader's words. */
function relatedProblem(answer: Answer<unknown>): string {
  if (!answer.ok || answer.value.ok) return 'Latest articles could not be loaded.';
  const { kind } = answer.value.error;
  if (kind === 'rate-limited')
    return 'The news source is busy; latest articles will show on a later look.';
  if (kind === 'offline') return 'Latest articles need a connection.';
  return 'Latest articles could not be loaded.';
}

const NOT_ANSWERING = 'Gloss is not responding. Reload the page to try again.';

/**
 * Fills the card for a mention: the summary first, then facts, latest articles and the reader's own
 * parts as each arrives, in any order. An ambiguous name gets its choices instead; choosing one
 * remembers it for the site and shows that meaning.
 */
export function createCardLoader({ view, isCurrent, onChosen, onUnmarked }: CardLoaderDeps) {
  const loadCard = memoByKey(
    (key: string) => callBackground('getCard', key),
    (key) => key,
  );
  const loadFacts = memoByKey(
    (wikidataId: string) => callBackground('getFacts', wikidataId),
    (wikidataId) => wikidataId,
    succeeded,
  );
  const loadRelated = memoByKey(
    (key: string, title: string) => callBackground('getRelated', key, title),
    (key) => key,
    succeeded,
  );
  const loadCoverage = memoByKey(
    (key: string, title: string) => callBackground('getCoverage', key, title),
    (key) => key,
    succeeded,
  );
  const loadChoices = memoByKey(
    (name: string, title: string) => callBackground('getChoices', name, title),
    (name) => name,
    succeeded,
  );

  /** Starts loading a card's data before it shows (hover intent), so it is there when it does. */
  function prefetch(entity: ResolvedName): void {
    if (entity.ambiguous) void loadChoices(false, entity.ambiguous.name, entity.title);
    else void loadCard(false, entity.key);
  }

  async function show(
    entity: ResolvedName,
    page: CardPage,
    token: number,
    fresh = false,
  ): Promise<void> {
    if (entity.ambiguous) return showChoices(entity, page, entity.ambiguous.name, token);
    const name = entity.title;
    view.show({ status: 'loading', name });
    const answer = await loadCard(fresh, entity.key);
    if (!isCurrent(token)) return;
    const retry = { onRetry: () => void show(entity, page, token, true) };
    if (!answer.ok) {
      view.show({ status: 'error', name, message: NOT_ANSWERING }, retry);
      return;
    }
    if (!answer.value.ok) {
      view.show({ status: 'error', name, message: describeError(answer.value.error) }, retry);
      return;
    }
    const summary = answer.value.value;
    const state: Extract<CardState, { status: 'ready' }> = {
      status: 'ready',
      summary,
      name: page.name,
      related: { status: 'loading' },
      ...(summary.wikidataId ? { facts: { status: 'loading' } } : {}),
    };
    const actions: CardActions = {
      onNotThis: () =>
        view.correct(
          page.name,
          (hit) => void choose(page, page.name, hit.title, token),
          () => void show(entity, page, token),
        ),
      onUnmark: (anywhere) =>
        void callBackground('unmarkName', page.site, page.name, anywhere).then((answer) => {
          if (answer.ok) onUnmarked(page.name);
          else {
            state.problem = answer.error;
            render();
          }
        }),
      onSubscribe: (subscribed) => {
        if (state.reader) state.reader = { ...state.reader, subscribed };
        render();
        // Shown at once; put back when the background refuses (a private window) or fails.
        void callBackground('setSubscribed', entity.key, summary.title, subscribed).then(
          (answer) => {
            if (answer.ok || !state.reader) return;
            state.reader = { ...state.reader, subscribed: !subscribed };
            render();
          },
        );
      },
    };
    const render = () => {
      if (isCurrent(token)) view.show({ ...state }, actions);
    };
    render();
    const facts = summary.wikidataId
      ? loadFacts(false, summary.wikidataId).then((answer) => {
          // Facts are extra: when they cannot be had the card keeps what it shows.
          const found = answer.ok && answer.value.ok ? answer.value.value.facts : undefined;
          state.facts = found ? { status: 'ready', facts: found } : { status: 'unavailable' };
          render();
        })
      : Promise.resolve();
    // "Why now?" is extra: absent, not broken, when GDELT fails or has nothing.
    const coverage = loadCoverage(false, entity.key, summary.title).then((answer) => {
      if (answer.ok && answer.value.ok && answer.value.value.points.length > 1) {
        state.coverage = answer.value.value;
        render();
      }
    });
    const related = loadRelated(false, entity.key, summary.title).then((answer) => {
      state.related =
        answer.ok && answer.value.ok
          ? { status: 'ready', articles: answer.value.value }
          : { status: 'unavailable', message: relatedProblem(answer) };
      render();
    });
    // Asked afresh each time: the reader may have subscribed in another tab.
    const reader = callBackground('getReaderData', entity.key, page.pageUrl).then((answer) => {
      if (answer.ok) state.reader = answer.value satisfies ReaderState;
      render();
    });
    await Promise.all([facts, related, coverage, reader]);
  }

  async function showChoices(
    entity: ResolvedName,
    page: CardPage,
    name: string,
    token: number,
  ): Promise<void> {
    view.show({ status: 'ambiguous', name, choices: { status: 'loading' } });
    const answer = await loadChoices(false, name, entity.title);
    if (!isCurrent(token)) return;
    let choices: ChoicesState;
    if (!answer.ok) choices = { status: 'unavailable', message: NOT_ANSWERING };
    else if (!answer.value.ok)
      choices = { status: 'unavailable', message: describeError(answer.value.error) };
    else choices = { status: 'ready', ...answer.value.value };
    view.show(
      { status: 'ambiguous', name, choices },
      { onChoose: (title) => void choose(page, name, title, token) },
    );
  }

  /**
   * The reader says what `name` means on this site (a meaning of an ambiguous name, or the right
   * entity for a wrong one): remembered for the site, its mentions on the page follow, and the
   * card shows it.
   */
  async function choose(page: CardPage, name: string, title: string, token: number) {
    const chosen = await callBackground('chooseMeaning', page.site, name, title);
    if (!chosen.ok || !isCurrent(token)) return;
    onChosen(name, chosen.value);
    await show(chosen.value, page, token);
    view.focus();
  }

  return { prefetch, show };
}
