import { describe, expect, it } from 'vitest';
import { spot } from '../../../core/spotter';
import { languageOf } from '../../../core/spotter/language';

const names = (text: string, lang: string) => spot(text, lang).map((span) => span.surface);

describe('the spotter in the page’s language', () => {
  it('function words: a sentence’s capitalised opening word is no name (es, pt, cs, fr)', () => {
    expect(names('La aplicación llega a México. Según explicó Twitter, es rápida.', 'es')).toEqual([
      'México',
      'Twitter',
    ]);
    expect(names('Na ocasião, Tite falou com Lula.', 'pt')).toEqual(['Tite', 'Lula']);
    expect(names('Ve hře zůstává West Ham.', 'cs')).toEqual(['West Ham']);
    expect(names('Selon le ministère, Emmanuel Macron viendra.', 'fr')).toEqual([
      'Emmanuel Macron',
    ]);
  });

  it('function words: one opening a sentence before a name goes, and the name stays', () => {
    expect(names('En Chile, el conflicto es menor.', 'es')).toEqual(['Chile']);
  });

  it('function words: inside a sentence, a capitalised one begins the name', () => {
    expect(names('Existen tribunales en Nueva Zelanda y en Estados Unidos.', 'es')).toEqual([
      'Nueva Zelanda',
      'Estados Unidos',
    ]);
  });

  it('"and" words: two names joined by the language’s "and" are two', () => {
    expect(names('La forma más rápida llega a México y Venezuela.', 'es')).toEqual([
      'México',
      'Venezuela',
    ]);
    expect(names('Le texte oppose Paris et Berlin.', 'fr')).toEqual(['Paris', 'Berlin']);
  });

  it('articles: "de los" stays inside a Spanish name; "el" before it does not join', () => {
    expect(names('Ayer habló el Partido de los Trabajadores del Kurdistán.', 'es')).toEqual([
      'Partido de los Trabajadores del Kurdistán',
    ]);
  });

  it('elision: "l’" and "d’" before a French name are no part of it', () => {
    expect(names('Le texte est disponible sur le site de l’Assemblée.', 'fr')).toEqual([
      'Assemblée',
    ]);
    expect(names("Dans la tête d'Alan Moore, tout est possible.", 'fr')).toEqual(['Alan Moore']);
    expect(names('Il a parlé à l’Élysée. L’Airbus A350 est parti.', 'fr')).toEqual([
      'Élysée',
      'Airbus A350',
    ]);
  });

  it('elision: what follows it in lower case is no name, capital or not', () => {
    expect(names('L’appareil est arrivé.', 'fr')).toEqual([]);
  });

  it('openings: a sentence’s first word is a name when the text writes it so inside a sentence', () => {
    // No list of Czech everyday words: "Tým" opens a sentence and stands nowhere else.
    expect(names('Tým vyhrál. Tým manažera hraje dobře.', 'cs')).toEqual([]);
    expect(names('Moyes je skvělý, říká Lineker o trenérovi Moyesovi.', 'cs')).toEqual([
      'Moyes',
      'Lineker',
      'Moyesovi',
    ]);
    // Its form is evidence enough.
    expect(names('AgileBits vydal novou verzi.', 'cs')).toEqual(['AgileBits']);
  });

  it('abbreviations in lower case are no names, whatever capital they hold', () => {
    expect(names('Es gibt z.B. ein iPhone.', 'de')).toEqual(['iPhone']);
  });

  it('German nouns: a lone capitalised word is no evidence of a name', () => {
    expect(names('Die Version bietet eine neue Funktion für den Browser.', 'de')).toEqual([]);
    // Its form is: mixed case, or a run of capitalised words.
    expect(names('AgileBits hat das Update für Angela Merkel im Mac App Store.', 'de')).toEqual([
      'AgileBits',
      'Angela Merkel',
      'Mac App Store',
    ]);
  });

  it('German nouns: a compound names only its part before the noun', () => {
    expect(names('Die iOS-Version ist schneller.', 'de')).toEqual(['iOS']);
    expect(names('Die Einmal-Passwörter kommen.', 'de')).toEqual([]);
  });

  it('German nouns: beside a name known by its form, they are no part of it', () => {
    expect(names('Das Update des Passwortmanagers 1Password kommt.', 'de')).toEqual(['1Password']);
  });

  it('German articles: they join a name only after its particle', () => {
    expect(names('Das sagte Ursula von der Leyen gestern.', 'de')).toEqual([
      'Ursula von der Leyen',
    ]);
    expect(names('Die Zahl der Zusatzfelder wächst.', 'de')).toEqual([]);
  });

  it('English stays as it was, and a language without lists is read as English', () => {
    const text = 'In a statement, the National League for Democracy said Myanmar and Thailand met.';
    expect(spot(text, 'en')).toEqual(spot(text));
    expect(spot(text, 'xx')).toEqual(spot(text));
    expect(languageOf('pt-BR')).toBe(languageOf('pt'));
  });
});
