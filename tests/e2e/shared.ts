import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus beside the repository (GLOSS_SHARED, default ../shared); tests that need it skip without it. */
export const SHARED = resolve(
  process.env.GLOSS_SHARED ?? join(import.meta.dirname, '../../../shared'),
);

export function sharedPath(...parts: string[]): string | undefined {
  const path = join(SHARED, ...parts);
  if (existsSync(path)) return path;
  console.warn(
    `${path} not found: skipping the tests that need it (set GLOSS_SHARED to the shared folder).`,
  );
  return undefined;
}
