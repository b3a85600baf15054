import { describe, expect, it } from 'vitest';
import { dailyPoints, namesBeside, spikeDays } from '../../../core/coverage';

describe('coverage over time', () => {
  it('sums the points of each day, in order, and leaves out malformed ones', () => {
    expect(
      dailyPoints([
        { date: '20261127T150000Z', value: 0.2 },
        { date: '20261126T000000Z', value: 0.1 },
        { date: '20261127T000000Z', value: 0.3 },
        { date: 'yesterday', value: 9 },
        { date: '20261128T000000Z', value: Number.NaN },
      ]),
    ).toEqual([
      { day: '2026-11-26', value: 0.1 },
      { day: '2026-11-27', value: 0.5 },
    ]);
  });

  it('marks the days far above the usual, highest first, and none on a flat line', () => {
    const month = Array.from({ length: 30 }, (_, index) => ({
      day: `2026-11-${String(index + 1).padStart(2, '0')}`,
      value: index === 26 ? 1 : index === 20 ? 0.7 : 0.05,
    }));
    expect(spikeDays(month)).toEqual(['2026-11-27', '2026-11-21']);
    expect(spikeDays(month.map((point) => ({ ...point, value: 0.1 })))).toEqual([]);
  });

  it("names what the spike's headlines mention most beside the entity itself", () => {
    expect(
      namesBeside(
        [
          'ASEAN envoy heads to Naypyidaw as ceasefire talks stall',
          'ASEAN leaders press Myanmar junta in Naypyidaw',
          'Thailand hosts talks on Myanmar',
        ],
        'ASEAN',
      ),
    ).toEqual(['Myanmar', 'Naypyidaw', 'Thailand']);
  });
});
