// The spotter and the known-name matcher as they ship: bundled into one module, as the
// extension's build bundles them, then imported. Run straight from the TypeScript sources, every
// call across a module's boundary went through a getter the transpiler adds (the spotter is ten
// small modules), which took three quarters of its time and is no cost of Gloss's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as Core from './shipped-entry';

export type ShippedCore = typeof Core;

/** Builds `shipped-entry.ts` into a temporary module and imports it. */
export async function shippedCore(): Promise<ShippedCore> {
  const outDir = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir,
        lib: {
          entry: resolve(import.meta.dirname, 'shipped-entry.ts'),
          formats: ['es'],
          fileName: 'core',
        },
      },
    });
    return (await import(pathToFileURL(join(outDir, 'core.js')).href)) as ShippedCore;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
