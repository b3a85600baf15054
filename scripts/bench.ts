// `npm run bench -- spot [--corpus DIR] [--json FILE]`: Gloss's performance figures, as a table.
//   spot: the spotter's MB/s on the corpus's entity-linking texts and on its pages' text nodes,
//         beside a plain charCodeAt loop over the same strings in the same process.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { elTexts, pageTextNodes } from './bench/corpus';
import { measureSpot } from './bench/spot';
import { printTable } from './bench/stats';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string', default: resolve(import.meta.dirname, '../../shared/corpus') },
    json: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});
const which = positionals[0] ?? 'spot';
if (which !== 'spot') {
  console.error(`Unknown benchmark "${which}". Available: spot`);
  process.exit(2);
}

const runs = Number(values.runs);
const corpus = resolve(values.corpus);
const sets = { 'el texts': elTexts(corpus), 'page text nodes': pageTextNodes(corpus) };
const all = [...sets['el texts'], ...sets['page text nodes']];
console.log(
  `Spotter speed on ${corpus} (median of ${runs} interleaved runs; MB = million UTF-16 units)\n`,
);
const results = Object.entries({ ...sets, all }).map(([name, strings]) => ({
  name,
  strings,
  ...measureSpot(strings, runs),
}));
printTable(
  ['strings', 'count', 'MB', 'spotter MB/s', 'loop MB/s', 'ratio'],
  results.map((result) => [
    result.name,
    String(result.strings.length),
    (result.strings.reduce((sum, text) => sum + text.length, 0) / 1e6).toFixed(2),
    result.mbps.toFixed(1),
    result.loopMbps.toFixed(1),
    result.ratio.toFixed(3),
  ]),
);
const overall = results.find((result) => result.name === 'all')!;
if (values.json) {
  writeFileSync(
    values.json,
    `${JSON.stringify({ spot: { mbps: overall.mbps, loopMbps: overall.loopMbps, ratio: overall.ratio } }, null, 2)}\n`,
  );
  console.log(`\nWrote ${values.json}`);
}
