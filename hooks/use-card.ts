import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CardActions } from '../components/EntityCard';
import type { CardState } from '../core/card';
import type { SearchHit } from '../core/entity';
import { createCardLoader } from './card-loader';

/** The card for a search hit, outside a page (the popup), through the same pipeline as pages'. */
export function useCard(hit: SearchHit | undefined): [CardState, CardActions] | undefined {
  const [shown, setShown] = useState<[CardState, CardActions]>();
  const loader = useMemo(
    () => createCardLoader({ draw: (state, actions) => setShown([state, actions]) }),
    [],
  );
  // A popup that closes unmounts nothing: the card it showed is no longer looked at all the same.
  useEffect(() => {
    const leave = () => loader.close();
    addEventListener('pagehide', leave);
    return () => removeEventListener('pagehide', leave);
  }, []);
  useEffect(() => {
    if (!hit) {
      loader.close();
      setShown(undefined);
      return;
    }
    void loader.open({ key: hit.key, title: hit.title }, { pageUrl: '', name: hit.title });
    return () => loader.close();
  }, [hit?.key]);
  return hit ? shown : undefined;
}
