/**
 * The form a name is looked up under: Unicode-normalised, typographic quotes made plain,
 * spaces collapsed, case folded. "Myanmar’s  Junta" and "myanmar's junta" meet here.
 */
export function normaliseAlias(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en');
}
