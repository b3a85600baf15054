import { describe, expect, it } from 'vitest';
import { spot } from '../../../core/spotter';

const surfaces = (text: string) => spot(text).map((span) => span.surface);

describe('spot', () => {
  it('finds multi-word names with their connectors', () => {
    expect(
      surfaces(
        'She met members of the National League for Democracy and the Stockholm International Peace Research Institute.',
      ),
    ).toEqual([
      'National League for Democracy',
      'Stockholm International Peace Research Institute',
    ]);
  });

  it('finds acronyms and mixed forms', () => {
    expect(surfaces('The NLD, ASEAN and COVID-19 measures; an iPhone.')).toEqual([
      'NLD',
      'ASEAN',
      'COVID-19',
      'iPhone',
    ]);
  });

  it('leaves titles and ranks out of a name', () => {
    expect(surfaces('the junta leader Senior General Min Aung Hlaing said')).toEqual([
      'Min Aung Hlaing',
    ]);
  });

  it('keeps an institution whose name starts with a rank word', () => {
    expect(surfaces('a vote in the UN General Assembly and the General Assembly')).toEqual([
      'UN General Assembly',
      'General Assembly',
    ]);
  });

  it('cuts possessives', () => {
    expect(surfaces("Myanmar’s junta and Russia's arms")).toEqual(['Myanmar', 'Russia']);
  });

  it('does not take sentence openings, months or days for names', () => {
    expect(
      surfaces(
        'However, the coup came in February. In the wake of it, protests grew. Mass protests began on Monday.',
      ),
    ).toEqual([]);
  });

  it('does not take an inflected everyday word opening a sentence for a name', () => {
    expect(surfaces('Revenues rose. Analysts expect more from Siemens. Studies differ.')).toEqual([
      'Siemens',
    ]);
  });

  it('drops an opening word but keeps the name after it', () => {
    expect(surfaces('At the United Nations. The UN agreed.')).toEqual(['United Nations', 'UN']);
  });

  it('takes only the names from a title-case headline', () => {
    expect(surfaces('Russia Commits To Military Ties With Myanmar Leader At Moscow Visit')).toEqual(
      ['Russia', 'Myanmar', 'Moscow'],
    );
  });

  it('handles names in other scripts that capitalise', () => {
    expect(surfaces('as Ngũgĩ wa Thiong’o told Lupita Nyong’o and Māori leaders')).toEqual([
      'Ngũgĩ',
      'Thiong’o',
      'Lupita Nyong’o',
      'Māori',
    ]);
  });

  it('gives JS string offsets that slice back to the surface', () => {
    const text = 'Talks in Naypyidaw 🙂 with Aung San Suu Kyi.';
    for (const span of spot(text)) expect(text.slice(span.start, span.end)).toBe(span.surface);
  });

  it('keeps abbreviations whole and lets a full stop end the sentence', () => {
    expect(
      surfaces('Home Depot Inc. said U.S. exporters gained. Shares of Target Corp. rose.'),
    ).toEqual(['Home Depot Inc.', 'U.S.', 'Target Corp.']);
    expect(surfaces('It bought Erskine Resources Ltd. Terms were not disclosed.')).toEqual([
      'Erskine Resources Ltd',
    ]);
    expect(surfaces('guards of Wayne, N.J., and Sioux Falls, S.D.; both')).toEqual([
      'Wayne',
      'N.J.',
      'Sioux Falls',
      'S.D.',
    ]);
  });

  it('joins partners listed with commas into one firm, but not a list of places', () => {
    expect(
      surfaces('led by First Boston Corp, Goldman, Sachs and Co and Eberstadt Fleming'),
    ).toEqual(['First Boston Corp', 'Goldman, Sachs and Co', 'Eberstadt Fleming']);
    expect(surfaces('talks with Russia, China and Iran ended')).toEqual([
      'Russia',
      'China',
      'Iran',
    ]);
  });

  it('ends a name at a possessive that wire copy wrote without its apostrophe', () => {
    expect(
      surfaces(
        'Southern Co said on Monday. Southerns Georgia Power Co unit and Reuters Holdings Plc',
      ),
    ).toEqual(['Southern Co', 'Georgia Power Co', 'Reuters Holdings Plc']);
  });

  it('keeps an office whole rather than cutting it after a title', () => {
    expect(surfaces('and the Under Secretary of Commerce, Bruce Smart.')).toEqual([
      'Secretary of Commerce',
      'Bruce Smart',
    ]);
  });

  it('leaves out credit ratings and apostrophe-less forms of everyday words', () => {
    expect(surfaces('cut to Baa-2 from Prime-1 of Avco Financial Services Inc, a unit')).toEqual([
      'Avco Financial Services Inc',
    ]);
    expect(surfaces('Todays meeting, held on Tuesdays, was short.')).toEqual([]);
  });

  it('joins "and" inside organisations but not between names', () => {
    expect(surfaces('the Securities and Exchange Commission said')).toEqual([
      'Securities and Exchange Commission',
    ]);
    expect(surfaces('talks between Russia and China ended')).toEqual(['Russia', 'China']);
    expect(surfaces('asking that Apple chief Tim Cook and Samsung boss')).toEqual([
      'Apple',
      'Tim Cook',
      'Samsung',
    ]);
    expect(surfaces('bankers Samuel Montagu and Sons Ltd said')).toEqual([
      'Samuel Montagu and Sons Ltd',
    ]);
  });

  it('separates a person from where they come from', () => {
    expect(surfaces('said Sen. Charles Schumer of New York and the University of Alabama')).toEqual(
      ['Charles Schumer', 'New York', 'University of Alabama'],
    );
  });

  it('splits an organisation, a title and a person', () => {
    expect(surfaces('said Georgia Power Chairman Robert W. Scherer on Monday')).toEqual([
      'Georgia Power',
      'Robert W. Scherer',
    ]);
  });

  it('leaves out nationalities standing alone or qualified, and plurals of names', () => {
    expect(
      surfaces('the Canadian firm and West German officials met Americans and an American'),
    ).toEqual([]);
  });

  it('finds known place names in scripts without capitals', () => {
    expect(surfaces('缅甸军政府领导人访问了俄罗斯。')).toEqual(['缅甸', '俄罗斯']);
  });

  it('ignores stock tickers and place suffixes', () => {
    expect(
      surfaces('NV Philips Gloeilampenfabrieken PGLO.AS shares and the Kentucky-based firm'),
    ).toEqual(['NV Philips Gloeilampenfabrieken', 'Kentucky']);
  });

  it('drops a capitalised word that the same text uses in lower case', () => {
    expect(surfaces('Prices rose, economists said. Economists expect the Fed to act.')).toEqual([
      'Fed',
    ]);
  });

  // Past a couple of thousand characters the text's words are gathered once instead of searched
  // for per word: the answers must be the ones a short text gets.
  describe('in a long text', () => {
    const filler = 'the rain fell on the plain and nobody minded it much. '.repeat(60);

    it('still drops a word it also uses in lower case, plain or made of parts', () => {
      expect(
        surfaces(
          `Prices rose, economists said. ${filler}Economists expect the Fed to act. ` +
            `${filler}A follow-up came. Follow-up talks with al-nusra. They said Al-Nusra.`,
        ),
      ).toEqual(['Fed']);
    });

    it('does not take a word inside a longer one for a use in lower case', () => {
      expect(surfaces(`cobrazil and al-nusrat ${filler}Brazil won. They said Al-Nusra.`)).toEqual([
        'Brazil',
        'Al-Nusra',
      ]);
    });

    it('still leaves out the plural of a name the text uses', () => {
      expect(surfaces(`Texaco said so. ${filler}Texacos board met.`)).toEqual(['Texaco']);
    });
  });
});

// The error classes seen on unseen news and in everyday use, each a general fact of English text.
describe('spot: what a careful reader would not mark', () => {
  it('contractions and interjections opening a sentence or a quotation are no names', () => {
    expect(
      surfaces(
        `"I'm not sure," she said. We're told. I've seen it. You're right. Um, it's Rachel. Don't go.`,
      ),
    ).toEqual(['Rachel']);
  });

  it('a name with an apostrophe inside is still a name', () => {
    expect(surfaces("Lupita Nyong'o met Shaquille O'Neal in Côte d'Ivoire.")).toEqual([
      "Lupita Nyong'o",
      "Shaquille O'Neal",
      "Côte d'Ivoire",
    ]);
  });

  it('an article capitalised inside a sentence is part of the name after it', () => {
    expect(
      surfaces('he told The Associated Press, and spoke to A Current Affair on The Hague.'),
    ).toEqual(['The Associated Press', 'A Current Affair', 'The Hague']);
    // At a sentence's start the capital is grammar's, and the article goes.
    expect(surfaces('The Associated Press said so.')).toEqual(['Associated Press']);
  });

  it('a company form or a generation after a comma stays with the name', () => {
    expect(surfaces('Valley Radiotherapy Associates Medical Group, Inc. (VRA) was')).toEqual([
      'Valley Radiotherapy Associates Medical Group, Inc.',
      'VRA',
    ]);
    expect(surfaces('a speech by Martin Luther King, Jr. in 1963')).toEqual([
      'Martin Luther King, Jr.',
    ]);
    // A degree is left off: the person is named without it.
    expect(surfaces('said Natalie Harrison, DDS in Houston')).toContain('Natalie Harrison');
  });

  it('hyphenated titles and occupations before a name stand apart from it', () => {
    expect(surfaces('U.N. Secretary-General António Guterres spoke.')).toEqual([
      'U.N.',
      'António Guterres',
    ]);
    expect(surfaces('WHO Director-General Tedros Adhanom Ghebreyesus said')).toEqual([
      'WHO',
      'Tedros Adhanom Ghebreyesus',
    ]);
    expect(surfaces('a tribute to Legendary DJ Casey Kasem')).toEqual(['Casey Kasem']);
  });

  it('a given name that is also an everyday word is kept after a title', () => {
    expect(surfaces('Dutch Prime Minister Mark Rutte said.')).toEqual(['Mark Rutte']);
    expect(surfaces('said Prime Minister Mark Rutte.')).toEqual(['Mark Rutte']);
  });

  it('a name after a prefix and a hyphen starts past the hyphen', () => {
    expect(
      surfaces('As an ex-Girl Scout, she joined anti-Trump protests in a pre-COVID world.'),
    ).toEqual(['Girl Scout', 'Trump', 'COVID']);
    // Name particles stay part of the name, and a date after a prefix is still no name.
    expect(surfaces('al-Maliki spoke in mid-April.')).toEqual(['al-Maliki']);
  });

  it('time zones after a time are part of the date', () => {
    expect(surfaces('on CNN on Saturday at 10 p.m. ET, and at 9 GMT')).toEqual(['CNN']);
  });

  it("labels of a page's interface in capitals or title case name nothing", () => {
    for (const label of [
      'KNOWN FOR',
      'AT THE PLATE',
      'Play Video',
      'Top Stories',
      'Sign Up For Our Newsletter',
    ])
      expect(surfaces(label)).toEqual([]);
    // A label with a name in it is read as any text.
    expect(surfaces('Myanmar News')).toEqual(['Myanmar News']);
    expect(surfaces('ASEAN')).toEqual(['ASEAN']);
  });

  it('nationalities are not marked, alone or in the plural (the corpora show it costs more than it finds)', () => {
    expect(surfaces('Iranian officials met Americans and the Dutch in Tehran.')).toEqual([
      'Tehran',
    ]);
  });

  it('initials after a given name go on with it, but not after an everyday word', () => {
    expect(surfaces('a student... Louis C.K said')).toEqual(['Louis C.K']);
    expect(surfaces('possible. Thirteen U.S. cities score better')).toEqual(['U.S.']);
  });

  it('everyday words that open a sentence before a nationality describe someone', () => {
    expect(surfaces('Married Pakistani doctor, 44, was jailed.')).toEqual([]);
    // Capitalised inside a sentence, they are a title's.
    expect(surfaces('In his book, Positively American, he wrote')).toEqual(['Positively American']);
  });

  it('titles with no name after them name an office, not anyone', () => {
    expect(surfaces('a motion in the Prime Minister, and the Chief Executive said')).toEqual([]);
    expect(surfaces('Prime Minister Mark Rutte')).toEqual(['Mark Rutte']);
  });

  it('numbers in words, plain or hyphenated, are no names', () => {
    expect(surfaces('Sixty-eight pieces were found. Ninety more were not.')).toEqual([]);
  });

  it("a lawmaker's party and state after the name are no name of their own", () => {
    expect(surfaces('said Rep. Barney Frank, D-Mass., the chairman')).toEqual(['Barney Frank']);
  });

  it('an everyday word opening a sentence with a verb ending is no name', () => {
    expect(surfaces('Coaching the team was hard. Making it work was harder.')).toEqual([]);
  });

  it('an everyday word before the role someone holds in it is a name', () => {
    expect(surfaces('Delta spokesman Morgan Durrant said. Apple lawyer Bill Lee went.')).toEqual([
      'Delta',
      'Morgan Durrant',
      'Apple',
      'Bill Lee',
    ]);
    // Not so for a word that only describes the role.
    expect(surfaces('Top officials met.')).toEqual([]);
  });
});
