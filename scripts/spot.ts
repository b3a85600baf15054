// `npm run spot -- FILE.jsonl`: the extension's own spotter and known names on lines `{id, text}`, printing lines
// `{id, mentions: [{start, end, surface}]}` (JS string offsets, end exclusive). No network.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AliasMatcher } from '../core/alias-matcher';
import { packNames, spotNames } from '../core/name-spotting';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error(file ? `No such file: ${file}` : 'Usage: npm run spot -- FILE.jsonl');
  process.exit(2);
}

// What ships with the extension: its spotter and the bundled pack of known names.
const known = AliasMatcher.build(packNames());
let line = 0;
for await (const text of createInterface({
  input: createReadStream(file, 'utf8'),
  crlfDelay: Infinity,
})) {
  line += 1;
  if (!text.trim()) continue;
  let doc: { id?: unknown; text?: unknown; lang?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    console.error(`${file}:${line}: not JSON, skipped`);
    continue;
  }
  if (typeof doc.text !== 'string') {
    console.error(`${file}:${line}: no "text" string, skipped`);
    continue;
  }
  process.stdout.write(
    `${JSON.stringify({ id: doc.id, mentions: spotNames(doc.text, known, typeof doc.lang === 'string' ? doc.lang : undefined).spans })}\n`,
  );
}
