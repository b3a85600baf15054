import { useEffect, useState } from 'preact/hooks';
import type { CardActions, CardState } from '../components/EntityCard';
import { describeError } from '../core/errors';
import { callBackground } from '../messaging/background';

/**
 * A card's state for an article key, outside a page (the popup): the summary, then facts, latest
 * articles and whether the reader follows it, as each arrives.
 */
export function useCard(
  key: string | undefined,
  name: string,
): [CardState | undefined, CardActions] {
  const [state, setState] = useState<CardState | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!key) return setState(undefined);
    let live = true;
    const update = (next: CardState) => live && setState(next);
    update({ status: 'loading', name });
    void (async () => {
      const answer = await callBackground('getCard', key);
      if (!answer.ok) return update({ status: 'error', name, message: answer.error });
      if (!answer.value.ok)
        return update({ status: 'error', name, message: describeError(answer.value.error) });
      const summary = answer.value.value;
      let ready: Extract<CardState, { status: 'ready' }> = {
        status: 'ready',
        summary,
        related: { status: 'loading' },
        ...(summary.wikidataId ? { facts: { status: 'loading' } } : {}),
      };
      const merge = (part: Partial<typeof ready>) => {
        ready = { ...ready, ...part };
        update(ready);
      };
      update(ready);
      await Promise.all([
        summary.wikidataId
          ? callBackground('getFacts', summary.wikidataId).then((facts) =>
              merge({
                facts:
                  facts.ok && facts.value.ok
                    ? { status: 'ready', facts: facts.value.value.facts }
                    : { status: 'unavailable' },
              }),
            )
          : undefined,
        callBackground('getRelated', key, summary.title).then((related) =>
          merge({
            related:
              related.ok && related.value.ok
                ? { status: 'ready', articles: related.value.value }
                : { status: 'unavailable', message: 'Latest articles could not be loaded.' },
          }),
        ),
        callBackground('getReaderData', key, '').then(
          (reader) => reader.ok && merge({ reader: reader.value }),
        ),
      ]);
    })();
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const actions: CardActions = {
    onRetry: () => setAttempt((n) => n + 1),
    onSubscribe: (subscribed) => {
      if (state?.status !== 'ready' || !key) return;
      setState({ ...state, reader: { subscribed, reading: state.reader?.reading ?? null } });
      void callBackground('setSubscribed', key, state.summary.title, subscribed);
    },
  };
  return [state, actions];
}
