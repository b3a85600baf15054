/** Who calls the background: a page's content script, or one of Gloss's own pages. */
export type CallerKind = 'content' | 'extension';

/** A message's caller, as the background may rely on it. */
export interface Caller {
  kind: CallerKind;
  /** The page or frame the message came from (a content script's page, or Gloss's own page). */
  url: string;
  /** The page's host: the reader's choices and site switches are kept per site. */
  site: string;
  /** One document in one frame of one tab: what a content script's tickets belong to. */
  document: string;
  /** The tab, and the frame in it (0 for the top): a page's frames share its look-up budget. */
  tab?: number;
  frame: number;
  /** Whether the message came from a private window: then nothing is written down. */
  incognito: boolean;
}
