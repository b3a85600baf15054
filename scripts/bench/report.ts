// Keeps BENCHMARKS.md's tables current: each part's table sits between markers of its own, so the
// prose around them is written by hand and survives every refresh.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

const start = (part: string) => `<!-- bench:${part} -->`;
const end = (part: string) => `<!-- /bench:${part} -->`;

/** Writes the tables into `file`, formatted as the project's formatter wants it (its check stays green). */
export async function writeBenchmarks(file: string, tables: Record<string, string>): Promise<void> {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const stamp = `_Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\`, on the bundled code as it ships._`;
  for (const [part, table] of Object.entries(tables)) {
    const block = `${start(part)}\n${stamp}\n\n${table}\n${end(part)}`;
    const from = text.indexOf(start(part));
    const to = text.indexOf(end(part));
    text =
      from >= 0 && to > from
        ? text.slice(0, from) + block + text.slice(to + end(part).length)
        : `${text.trimEnd()}\n\n## ${part}\n\n${block}\n`;
  }
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(text, { ...options, filepath: file }));
}
