// The spotter runs on every text node of every page a reader opens: whatever the text, it must
// answer sorted, separate spans that lie inside the text and slice back to their surface.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesIn } from '../../../core/candidates';
import { spot, type Span } from '../../../core/spotter';

/** Pieces news text is made of, and pieces it is not, mixed in any order. */
const token = fc.oneof(
  fc.constantFrom(
    'Min Aung Hlaing',
    'Senior General',
    'ASEAN',
    'U.S.',
    'Inc.',
    'of',
    'and',
    'the',
    'Myanmar’s',
    "Nyong'o",
    'Ngũgĩ',
    'COVID-19',
    'iPhone',
    '中华人民共和国',
    'ミャンマー',
    'Мьянма',
    'مصر',
    '. ',
    ', ',
    '"',
    '(',
    ')',
    '\n',
    ' ',
    '—',
    '\u00a0',
    '\ud800',
    'e\u0301',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.stringMatching(/^[A-Z][a-z]{0,8}$/),
);
const newsLike = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(newsLike, fc.string({ unit: 'binary', maxLength: 300 }), fc.string());

function expectWellFormed(text: string, spans: readonly Span[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(span.start, span.end)).toBe(span.surface);
    previousEnd = span.end;
  }
}

describe('spot on any text', () => {
  it('never throws, and answers sorted, separate spans inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => expectWellFormed(text, spot(text))),
      { numRuns: 2000 },
    );
  });

  it('answers the same when run twice', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(spot(text)).toEqual(spot(text));
      }),
      { numRuns: 500 },
    );
  });

  it('gives candidates, and their longer and shorter forms, inside the text', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, heading) => {
        const candidates = candidatesIn(text, spot(text), heading);
        expectWellFormed(text, candidates);
        // Longer and shorter forms slice back to their surface too, and share the span's start.
        for (const candidate of candidates)
          for (const form of [...candidate.longer, ...candidate.shorter]) {
            expect(form.start).toBe(candidate.start);
            expectWellFormed(text, [form]);
          }
      }),
      { numRuns: 500 },
    );
  });
});
