// Build-time switches, read through `import.meta.env` (WXT passes variables named WXT_*).
interface ImportMetaEnv {
  /** '1' in the benchmark's build: the content script leaves its timings in the page's timeline. */
  readonly WXT_GLOSS_TIMELINE?: string;
}
