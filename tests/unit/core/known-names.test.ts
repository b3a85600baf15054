import { describe, expect, it } from 'vitest';
import { AliasMatcher } from '../../../core/alias-matcher';
import { joinKnownNames, spotNames } from '../../../core/name-spotting';

const span = (text: string, surface: string) => {
  const start = text.indexOf(surface);
  return { start, end: start + surface.length, surface };
};

describe('joining the spotter and the known names', () => {
  const text = 'Troops left Bosnia and Herzegovina, then New Zealand Herald staff met Jordan';

  it('adds a known name the spotter missed, and keeps the spotter\u2019s others', () => {
    const spotted = [span(text, 'Troops')];
    const { spans } = joinKnownNames(spotted, [span(text, 'Jordan')]);
    expect(spans.map((item) => item.surface)).toEqual(['Troops', 'Jordan']);
  });

  it('lets a known name replace the shorter spans it covers', () => {
    const { spans } = joinKnownNames(
      [span(text, 'Bosnia'), span(text, 'Herzegovina')],
      [span(text, 'Bosnia and Herzegovina')],
    );
    expect(spans.map((item) => item.surface)).toEqual(['Bosnia and Herzegovina']);
  });

  it('keeps a known name inside a longer span apart, as a part of it', () => {
    const { spans, inner } = joinKnownNames(
      [span(text, 'New Zealand Herald')],
      [span(text, 'New Zealand')],
    );
    expect(spans.map((item) => item.surface)).toEqual(['New Zealand Herald']);
    expect(inner.map((item) => item.surface)).toEqual(['New Zealand']);
  });

  it('lets the spotter\u2019s span win over a known name straddling its edge', () => {
    const { spans, inner } = joinKnownNames(
      [span(text, 'Herald staff')],
      [span(text, 'New Zealand Herald')],
    );
    expect(spans.map((item) => item.surface)).toEqual(['Herald staff']);
    expect(inner).toEqual([]);
  });

  it('finds a known name in a sentence of capitals', () => {
    const known = AliasMatcher.build(['Myanmar']);
    const { spans, inner } = spotNames('TROOPS ENTER MYANMAR CAPITAL', known);
    expect([...spans, ...inner].some((item) => item.surface === 'MYANMAR')).toBe(true);
  });

  it('leaves a known name that is an everyday word to the spotter', () => {
    const known = AliasMatcher.build(['Apple', 'Myanmar']);
    const { spans, inner } = spotNames('Apple pie is sweet. MYANMAR said so.', known);
    expect([...spans, ...inner].map((item) => item.surface)).not.toContain('Apple');
  });
});
