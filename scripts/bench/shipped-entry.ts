// What the benchmarks measure of Gloss's pure code, bundled as it ships (see shipped.ts).
export { AliasMatcher } from '../../core/alias-matcher';
export { packNames } from '../../core/name-spotting';
export { spot } from '../../core/spotter';
