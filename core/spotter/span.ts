/** A candidate name: JS string offsets into the text, end exclusive. */
export interface Span {
  start: number;
  end: number;
  surface: string;
}
