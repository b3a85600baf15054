import { describe, expect, it } from 'vitest';
import { extensionTime, type CpuProfile } from '../../../scripts/bench/main-thread-split';

const frame = (url: string, lineNumber = 0) => ({ url, lineNumber, columnNumber: 0 });
const GLOSS = 'chrome-extension://abc/content-scripts/content.js';

// (root) → page script → Gloss's scan (line 1) → Gloss's marks (line 2) → native layout
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame(''), children: [2, 6] },
    { id: 2, callFrame: frame('https://news.example/app.js'), children: [3] },
    { id: 3, callFrame: frame(GLOSS, 1), children: [4] },
    { id: 4, callFrame: frame(GLOSS, 2), children: [5] },
    { id: 5, callFrame: frame('') },
    { id: 6, callFrame: frame('https://news.example/app.js') },
  ],
  samples: [2, 3, 4, 5, 6, 5],
  timeDeltas: [100, 200, 300, 400, 500, 600],
};

describe('extensionTime', () => {
  it('counts the samples with Gloss on the stack, each to the part of its innermost Gloss frame', () => {
    const { total, parts } = extensionTime(profile, (line) => (line === 1 ? 'text' : 'marks'));
    // Samples 3 (0.2 ms), 4 (0.3), 5 (0.4 and 0.6): the page's own (2, 6) are not Gloss's.
    expect(total).toBeCloseTo(1.5);
    expect(parts.text).toBeCloseTo(0.2);
    // Layout called from the marks' code counts as the marks'.
    expect(parts.marks).toBeCloseTo(1.3);
    expect(parts.messages).toBe(0);
  });

  it('counts nothing on a page Gloss never ran on', () => {
    expect(
      extensionTime({ ...profile, nodes: profile.nodes.slice(0, 2), samples: [2, 2] }).total,
    ).toBe(0);
  });
});
