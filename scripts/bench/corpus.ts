// Reads a corpus folder laid out like ../shared/corpus: el/*.jsonl (lines with a "text") and
// pages/*.html. Says clearly what is missing instead of failing later.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function requireDir(dir: string, what: string): void {
  if (!existsSync(dir)) {
    console.error(`${what} not found at ${dir}. Pass --corpus DIR (a folder with el/ and pages/).`);
    process.exit(2);
  }
}

/** The "text" of every line of every el/*.jsonl file. */
export function elTexts(corpus: string): string[] {
  const dir = join(corpus, 'el');
  requireDir(dir, 'Entity-linking texts (el/*.jsonl)');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => (JSON.parse(line) as { text?: unknown }).text)
        .filter((text): text is string => typeof text === 'string'),
    );
}

/** The texts of the el/*.jsonl lines that say their language (`lang`), by language. */
export function elTextsByLanguage(corpus: string): Map<string, string[]> {
  const dir = join(corpus, 'el');
  requireDir(dir, 'Entity-linking texts (el/*.jsonl)');
  const byLanguage = new Map<string, string[]>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.jsonl')))
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text, lang } = JSON.parse(line) as { text?: unknown; lang?: unknown };
      if (typeof text !== 'string' || typeof lang !== 'string') continue;
      byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), text]);
    }
  return byLanguage;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The text nodes of every pages/*.html file: what a content script walks, roughly. */
export function pageTextNodes(corpus: string): string[] {
  const dir = join(corpus, 'pages');
  requireDir(dir, 'Saved pages (pages/*.html)');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .split(/<[^>]*>/)
        .map((text) =>
          text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, code: string) => {
            if (code[0] === '#') {
              const value =
                code[1] === 'x' || code[1] === 'X'
                  ? parseInt(code.slice(2), 16)
                  : Number(code.slice(1));
              return Number.isFinite(value) && value > 0 && value < 0x110000
                ? String.fromCodePoint(value)
                : whole;
            }
            return ENTITIES[code.toLowerCase()] ?? whole;
          }),
        )
        .filter((text) => text.trim().length > 1),
    );
}
