import { useMemo, useRef, useState } from 'preact/hooks';
import type { SearchResult } from '../components/SearchBox';
import { describeError } from '../core/errors';
import { callBackground } from '../messaging/background';

/** Wait after the last keystroke before asking Wikipedia: one request per pause, not per letter. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * The state behind a SearchBox: known names at once, Wikipedia's after a pause in the typing
 * (an older search is cancelled by the background), arrow keys, Enter and Esc.
 */
export function useSearch(onPick: (result: SearchResult) => void, onEscape: () => void) {
  const [query, setQuery] = useState('');
  const [known, setKnown] = useState<SearchResult[]>([]);
  const [found, setFound] = useState<SearchResult[]>([]);
  const [status, setStatus] = useState('');
  const [active, setActive] = useState(0);
  const typed = useRef(0);

  const results = useMemo(() => {
    const keys = new Set(known.map((hit) => hit.key));
    return [...known, ...found.filter((hit) => !keys.has(hit.key))].slice(0, 10);
  }, [known, found]);

  const onInput = (text: string) => {
    setQuery(text);
    setActive(0);
    const mine = ++typed.current;
    setFound([]);
    if (text.trim().length < 2) {
      setKnown([]);
      setStatus('');
      return;
    }
    void callBackground('searchLocal', text).then((answer) => {
      if (mine === typed.current && answer.ok) setKnown(answer.value);
    });
    setStatus('Searching Wikipedia…');
    setTimeout(() => {
      if (mine !== typed.current) return;
      void callBackground('searchWikipedia', text).then((answer) => {
        if (mine !== typed.current) return;
        if (!answer.ok) return setStatus(answer.error);
        if (!answer.value.ok) {
          if (answer.value.error.kind !== 'cancelled') setStatus(describeError(answer.value.error));
          return;
        }
        setFound(answer.value.value);
        setStatus(answer.value.value.length === 0 ? 'Wikipedia has no article by that name.' : '');
      });
    }, SEARCH_DEBOUNCE_MS);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && results.length > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % results.length);
    } else if (event.key === 'ArrowUp' && results.length > 0) {
      event.preventDefault();
      setActive((index) => (index - 1 + results.length) % results.length);
    } else if (event.key === 'Enter' && results[active]) {
      event.preventDefault();
      onPick(results[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) onInput('');
      else onEscape();
    }
  };

  return { query, results, active, status, onInput, onKeyDown, onPick };
}
