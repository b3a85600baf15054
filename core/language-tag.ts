/** A BCP 47 language tag as pages write them ("fr", "pt-BR", "zh-Hant-TW"). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}$/;

/** Whether a page's `lang` says a language in a form Gloss reads (a page may write anything). */
export const isLanguageTag = (value: string): boolean => LANGUAGE_TAG.test(value);
