import { describe, expect, it } from 'vitest';
import { firstSentences, safeHttpUrl } from '../../../core/text';

describe('firstSentences', () => {
  it('keeps the first sentences', () => {
    expect(firstSentences('One is here. Two is there. Three! Four is gone.', 3)).toBe(
      'One is here. Two is there. Three!',
    );
  });

  it('does not cut at initials and abbreviations', () => {
    expect(firstSentences('The U.S. Navy sailed. J. R. R. Tolkien wrote. More.', 1)).toBe(
      'The U.S. Navy sailed.',
    );
  });

  it('returns short text whole', () => {
    expect(firstSentences('Only one sentence.', 3)).toBe('Only one sentence.');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://en.wikipedia.org/wiki/X', 'https://en.wikipedia.org/wiki/X'],
    ['http://127.0.0.1:4000/a.svg', 'http://127.0.0.1:4000/a.svg'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['not a url', undefined],
    [42, undefined],
  ])('%j → %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});
