/**
 * Remembers the promise of each load by key, so asking twice while the first is under way (or
 * after it) makes one load. `keep` says whether a settled answer stays remembered: a failure that
 * is not kept is asked again next time.
 */
export function memoByKey<A extends unknown[], T>(
  load: (...args: A) => Promise<T>,
  keyOf: (...args: A) => string,
  keep: (answer: T) => boolean = () => true,
) {
  const remembered = new Map<string, Promise<T>>();
  return (fresh: boolean, ...args: A): Promise<T> => {
    const key = keyOf(...args);
    let pending = remembered.get(key);
    if (!pending || fresh) {
      pending = load(...args);
      remembered.set(key, pending);
      const settled = pending;
      void settled.then((answer) => {
        if (!keep(answer) && remembered.get(key) === settled) remembered.delete(key);
      });
    }
    return pending;
  };
}

/**
 * Remembers the promise of one read until `onChange` reports a change (it is given the function to
 * call then); a failed read is not remembered. For what is consulted often and changes seldom.
 */
export function keptUntilChanged<T>(
  read: () => Promise<T>,
  onChange: (forget: () => void) => unknown,
): () => Promise<T> {
  let kept: Promise<T> | undefined;
  onChange(() => (kept = undefined));
  const readAgain = () =>
    read().catch((error: unknown) => {
      kept = undefined;
      throw error;
    });
  return () => (kept ??= readAgain());
}
