import { describe, expect, it } from 'vitest';
import { titleMentions } from '../../../core/articles';

describe('titleMentions', () => {
  it('finds a name as whole words, whatever the case, accents or punctuation', () => {
    expect(titleMentions('ASEAN envoys press the junta', 'ASEAN')).toBe(true);
    expect(titleMentions('Min Aung Hlaing’s visit to Moscow', 'Min Aung Hlaing')).toBe(true);
    expect(titleMentions('Visite de Macron à São Paulo', 'Sao Paulo')).toBe(true);
    expect(titleMentions('Baseanalytics raises funds', 'ASEAN')).toBe(false);
    expect(titleMentions('Aung San rally', 'Aung San Suu Kyi')).toBe(false);
  });

  it('leaves a title’s qualifier out, and never matches an empty name', () => {
    expect(titleMentions('Georgia votes today', 'Georgia (country)')).toBe(true);
    expect(titleMentions('Anything at all', '(disambiguation)')).toBe(false);
  });
});
