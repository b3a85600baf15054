import { browser } from 'wxt/browser';
import type { PageText } from '../../core/mention-finding';

/** Enough of a page's text for the browser to tell its language. */
const SAMPLE_CHARS = 4_000;

/**
 * The page's language: what it declares (`<html lang>`), or else what the browser's own detector
 * makes of its text, here on the device (`i18n.detectLanguage`); undefined when neither knows.
 * Asked once per document, with its first text.
 */
export function pageLanguage(): (texts: readonly PageText[]) => Promise<string | undefined> {
  let answer: Promise<string | undefined> | undefined;
  return (texts) => (answer ??= declaredOrDetected(texts));
}

async function declaredOrDetected(texts: readonly PageText[]): Promise<string | undefined> {
  const declared = document.documentElement.lang.trim();
  if (declared) return declared;
  let sample = '';
  for (const { text } of texts) {
    if (sample.length >= SAMPLE_CHARS) break;
    sample += `${text.slice(0, SAMPLE_CHARS - sample.length)}\n`;
  }
  try {
    const { isReliable, languages } = await browser.i18n.detectLanguage(sample);
    const [top] = languages;
    return isReliable && top && top.language !== 'und' ? top.language : undefined;
  } catch {
    // A browser without a detector reads the page as English, as before.
    return undefined;
  }
}
