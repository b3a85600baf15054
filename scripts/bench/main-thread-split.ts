// Where Gloss's main-thread time on a page goes: each CPU-profile sample spent in Gloss's content
// script is put to the part of the code it was in, found through the benchmark build's source map
// (the innermost frame of Gloss's on the sample's stack names the source file).
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of the content script's work, by the source files that do it. */
export const PARTS = [
  ['text', /entrypoints\/content\/(scan|page-language)\.ts$/],
  ['scanning & mutation watch', /entrypoints\/content\/page-scanner\.ts$/],
  ['marks', /entrypoints\/content\/(marks|mark-layer|marks-in-own-world)\.ts$/],
  ['messages', /(^|\/)messaging\//],
  ['card & input', /entrypoints\/content\/(card-host|index)\.ts$/],
] as const;

export type Part = (typeof PARTS)[number][0] | 'other';
export const PART_NAMES: readonly Part[] = [...PARTS.map(([name]) => name), 'other'];

export interface ProfileNode {
  id: number;
  callFrame: { url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Says which part of Gloss a position in its content script (0-based line and column) is in. */
export type PartOf = (line: number, column: number) => Part;

/** The content script's parts, from `extensionDir`'s source map; all "other" without one. */
export function partsFromSourceMap(extensionDir: string): PartOf {
  const file = join(extensionDir, 'content-scripts', 'content.js.map');
  if (!existsSync(file)) return () => 'other';
  const map = new TraceMap(readFileSync(file, 'utf8'));
  return (line, column) => {
    const { source } = originalPositionFor(map, { line: line + 1, column });
    return PARTS.find(([, pattern]) => source && pattern.test(source))?.[0] ?? 'other';
  };
}

const isExtension = (node: ProfileNode) => node.callFrame.url.startsWith('chrome-extension://');

/**
 * Milliseconds of samples with a frame of an extension's script anywhere on the stack, in all and
 * by part (the part of the innermost such frame: what Gloss was doing, the browser work it called
 * into counted with it).
 */
export function extensionTime(
  profile: CpuProfile,
  partOf: PartOf = () => 'other',
): { total: number; parts: Record<Part, number> } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  // The innermost extension frame at or above each node, or null when there is none.
  const innermost = new Map<number, ProfileNode | null>();
  const innermostOf = (id: number): ProfileNode | null => {
    let answer = innermost.get(id);
    if (answer === undefined) {
      const node = byId.get(id)!;
      const up = parent.get(id);
      answer = isExtension(node) ? node : up !== undefined ? innermostOf(up) : null;
      innermost.set(id, answer);
    }
    return answer;
  };
  const parts = Object.fromEntries(PART_NAMES.map((name) => [name, 0])) as Record<Part, number>;
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each delta is the time since the previous sample: it belongs to the sample it leads to.
  for (let index = 0; index < samples.length; index += 1) {
    const frame = innermostOf(samples[index]!);
    if (!frame) continue;
    const ms = (deltas[index] ?? 0) / 1000;
    total += ms;
    parts[partOf(frame.callFrame.lineNumber, frame.callFrame.columnNumber)] += ms;
  }
  return { total, parts };
}
