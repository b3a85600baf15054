import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from 'prettier';
import { describe, expect, it } from 'vitest';
import { writeBenchmarks } from '../../../scripts/bench/report';

describe('writeBenchmarks', () => {
  it('replaces a part’s table, keeps the prose, and leaves the file as the formatter wants it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gloss-report-')), 'BENCHMARKS.md');
    writeFileSync(
      file,
      '# Benchmarks\n\nProse written by hand.\n\n<!-- bench:pages -->\nold\n<!-- /bench:pages -->\n',
    );
    await writeBenchmarks(file, { pages: '| page | ms |\n| --- | --- |\n| cnn | 12.5 |\n' });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Prose written by hand.');
    expect(text).not.toContain('old');
    expect(text).toMatch(/\| cnn +\| 12\.5 \|/);
    expect(await check(text, { filepath: file })).toBe(true);
  });
});
