import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const run = (file: string) =>
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/jiti/lib/jiti-cli.mjs'), join(root, 'scripts/spot.ts'), file],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

describe('npm run spot', () => {
  it('prints the spans of each line, with offsets that slice back to the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-spot-'));
    const file = join(dir, 'in.jsonl');
    const text = 'Senior General Min Aung Hlaing met ASEAN envoys in Naypyidaw.';
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'a', text })}\nnot json\n${JSON.stringify({ id: 7, text: 'nothing here' })}\n`,
    );
    const lines = run(file)
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            id: unknown;
            mentions: Array<{ start: number; end: number; surface: string }>;
          },
      );
    expect(lines.map((line) => line.id)).toEqual(['a', 7]);
    expect(lines[0]!.mentions.map((mention) => mention.surface)).toEqual([
      'Min Aung Hlaing',
      'ASEAN',
      'Naypyidaw',
    ]);
    for (const mention of lines[0]!.mentions)
      expect(text.slice(mention.start, mention.end)).toBe(mention.surface);
    expect(lines[1]!.mentions).toEqual([]);
  });

  it('says what is wrong when the file is missing', () => {
    expect(() => run('/no/such/file.jsonl')).toThrow(/No such file/);
  });
});
