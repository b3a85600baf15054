/**
 * Key facts about an entity, chosen from its Wikidata statements by what kind of thing it is:
 * a person (born, died, citizenship, position held), an organisation (founded, headquarters,
 * members) or a place (country, capital, population). Pure: statements in, facts out.
 */

/** A statement's value, reduced to what the card can show. */
export type ClaimValue =
  | { type: 'item'; id: string }
  | { type: 'time'; time: string; precision: number }
  | { type: 'quantity'; amount: string }
  | { type: 'text'; text: string };

export interface Claim {
  value: ClaimValue;
  rank: 'preferred' | 'normal' | 'deprecated';
  /** Start (P580), end (P582) and point in time (P585) qualifiers. */
  start?: ClaimValue;
  end?: ClaimValue;
  pointInTime?: ClaimValue;
}

export type Claims = Record<string, Claim[]>;
export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

/** One line of the card's facts: "Born — 19 June 1945". */
export interface Fact {
  label: string;
  value: string;
  /** When the fact holds, where Wikidata says: "since 2016", "2016–2021", "2023". */
  date?: string;
}

export interface EntityFacts {
  wikidataId: string;
  kind: EntityKind;
  facts: Fact[];
}

const HUMAN = 'Q5';
/** Countries and sovereign states: their own country is not a fact worth showing. */
const COUNTRY_CLASSES = new Set(['Q6256', 'Q3624078', 'Q7275']);

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** A Wikidata time at its precision: "19 June 1945", "June 1945", "1945", "44 BC". */
export function formatTime(value: ClaimValue | undefined): string | undefined {
  if (value?.type !== 'time') return undefined;
  const match = /^([+-])(\d+)-(\d\d)-(\d\d)/.exec(value.time);
  if (!match) return undefined;
  const year = Number(match[2]);
  const era = match[1] === '-' ? `${year} BC` : String(year);
  if (value.precision >= 11 && match[4] !== '00')
    return `${Number(match[4])} ${MONTHS[Number(match[3]) - 1]} ${era}`;
  if (value.precision === 10 && match[3] !== '00') return `${MONTHS[Number(match[3]) - 1]} ${era}`;
  return value.precision >= 9 ? era : undefined;
}

const yearOf = (value: ClaimValue | undefined) => formatTime(value)?.match(/\d+( BC)?$/)?.[0];

function formatQuantity(value: ClaimValue): string | undefined {
  if (value.type !== 'quantity') return undefined;
  const amount = Number(value.amount);
  return Number.isFinite(amount) ? amount.toLocaleString('en') : undefined;
}

/** The statements worth reading: not deprecated, and the preferred ones when there are any. */
function best(claims: Claims, property: string): Claim[] {
  const usable = (claims[property] ?? []).filter((claim) => claim.rank !== 'deprecated');
  const preferred = usable.filter((claim) => claim.rank === 'preferred');
  return preferred.length > 0 ? preferred : usable;
}

const itemIds = (claims: Claim[]) =>
  claims.flatMap((claim) => (claim.value.type === 'item' ? [claim.value.id] : []));

export function kindOf(claims: Claims): EntityKind {
  const classes = itemIds(best(claims, 'P31'));
  if (classes.includes(HUMAN)) return 'person';
  if (claims.P1082 || claims.P36 || (claims.P625 && claims.P17)) return 'place';
  if (claims.P571 || claims.P159 || claims.P112 || claims.P2124) return 'organisation';
  return 'other';
}

/** Every item the chosen facts name, so their labels can be fetched in one request. */
export function itemsToLabel(claims: Claims): string[] {
  const properties = ['P27', 'P39', 'P159', 'P17', 'P36'];
  return [...new Set(properties.flatMap((property) => itemIds(best(claims, property))))];
}

/** The latest statement by its dates (end, else start, else point in time); the current one first. */
function latest(claims: Claim[]): Claim | undefined {
  const current = claims.filter((claim) => !claim.end);
  const pool = current.length > 0 ? current : claims;
  const when = (claim: Claim) =>
    (claim.end ?? claim.start ?? claim.pointInTime)?.type === 'time'
      ? ((claim.end ?? claim.start ?? claim.pointInTime) as { time: string }).time.replace(
          /^\+/,
          '',
        )
      : '';
  return [...pool].sort((a, b) => when(b).localeCompare(when(a)))[0];
}

function span(claim: Claim): string | undefined {
  const from = yearOf(claim.start);
  const to = yearOf(claim.end);
  if (from && to) return from === to ? from : `${from}–${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return yearOf(claim.pointInTime);
}

/**
 * The facts for the card. `labels` names the items (from `itemsToLabel`); a fact whose item has no
 * label is left out rather than shown as a bare id.
 */
export function chooseFacts(
  wikidataId: string,
  claims: Claims,
  labels: ReadonlyMap<string, string>,
): EntityFacts {
  const kind = kindOf(claims);
  const facts: Fact[] = [];
  const label = (claim: Claim | undefined) =>
    claim?.value.type === 'item' ? labels.get(claim.value.id) : undefined;
  const add = (name: string, value: string | undefined, date?: string) => {
    if (value) facts.push({ label: name, value, ...(date ? { date } : {}) });
  };

  if (kind === 'person') {
    add('Born', formatTime(best(claims, 'P569')[0]?.value));
    add('Died', formatTime(best(claims, 'P570')[0]?.value));
    const citizenships = best(claims, 'P27').flatMap((claim) => label(claim) ?? []);
    add('Citizenship', [...new Set(citizenships)].slice(0, 2).join(', ') || undefined);
    const position = latest(best(claims, 'P39'));
    if (position) add(position.end ? 'Last position' : 'Position', label(position), span(position));
  } else if (kind === 'organisation') {
    add('Founded', formatTime(best(claims, 'P571')[0]?.value));
    add('Headquarters', label(best(claims, 'P159')[0]));
    const members = latest(best(claims, 'P2124'));
    if (members) add('Members', formatQuantity(members.value), span(members));
    else {
      const employees = latest(best(claims, 'P1128'));
      if (employees) add('Employees', formatQuantity(employees.value), span(employees));
    }
  } else if (kind === 'place') {
    const isCountry = itemIds(best(claims, 'P31')).some((id) => COUNTRY_CLASSES.has(id));
    if (!isCountry) add('Country', label(best(claims, 'P17')[0]));
    add('Capital', label(latest(best(claims, 'P36'))));
    const population = latest(best(claims, 'P1082'));
    if (population) add('Population', formatQuantity(population.value), span(population));
  }
  return { wikidataId, kind, facts };
}
