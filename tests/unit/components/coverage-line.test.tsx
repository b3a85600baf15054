// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CoverageLine } from '../../../components/CoverageLine';
import type { Coverage } from '../../../core/coverage';
import { draw, texts } from './render';

const days = (values: number[]) =>
  values.map((value, index) => ({ day: `2025-11-${String(index + 1).padStart(2, '0')}`, value }));

describe('the coverage line', () => {
  it('draws one point per day and a mark on each spike day, named for screen readers', () => {
    const coverage: Coverage = {
      points: days([1, 1, 1, 9, 1, 4]),
      spikes: ['2025-11-04', '2025-11-06'],
    };
    const root = draw(<CoverageLine coverage={coverage} />);
    const line = root.querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(line).toHaveLength(6);
    expect(root.querySelectorAll('circle.spike')).toHaveLength(2);
    expect(root.querySelector('svg')!.getAttribute('aria-label')).toMatch(
      /highest on (4 Nov|Nov 4)/,
    );
  });

  it('puts the highest day at the top of the line', () => {
    const root = draw(<CoverageLine coverage={{ points: days([2, 8, 4]), spikes: [] }} />);
    const ys = root
      .querySelector('polyline')!
      .getAttribute('points')!
      .split(' ')
      .map((point) => Number(point.split(',')[1]));
    expect(Math.min(...ys)).toBe(ys[1]);
    expect(root.querySelector('svg')!.getAttribute('aria-label')).toMatch(/no spike/);
  });

  it('lists the peak day’s headlines and the names beside the entity', () => {
    const coverage: Coverage = {
      points: days([1, 6]),
      spikes: ['2025-11-02'],
      peak: {
        day: '2025-11-02',
        headlines: [
          { url: 'https://a.example/1', title: 'Summit opens', domain: 'a.example', date: '' },
        ],
        withNames: ['Jakarta', 'Joko Widodo'],
      },
    };
    const root = draw(<CoverageLine coverage={coverage} />);
    expect(texts(root, '.peak .related-note')[0]).toMatch(/with Jakarta, Joko Widodo/);
    expect(texts(root, '.peak a')).toEqual(['Summit opens']);
  });

  it('draws nothing for fewer than two days', () => {
    expect(draw(<CoverageLine coverage={{ points: days([3]), spikes: [] }} />).innerHTML).toBe('');
    expect(draw(<CoverageLine />).innerHTML).toBe('');
  });

  it('draws the Wikipedia readers line alone, before the news line comes', () => {
    const attention = { points: days([100, 120, 900, 110]), spikes: ['2025-11-03'], total: 1230 };
    const root = draw(<CoverageLine attention={attention} />);
    expect(texts(root, 'figcaption')).toEqual(['Wikipedia readers']);
    expect(root.querySelector('svg')!.getAttribute('aria-label')).toMatch(
      /^Readers of its Wikipedia article over the last month, most on (3 Nov|Nov 3)/,
    );
    const both = draw(
      <CoverageLine attention={attention} coverage={{ points: days([1, 2]), spikes: [] }} />,
    );
    expect(texts(both, 'figcaption')).toEqual(['Wikipedia readers', 'News coverage']);
  });
});
