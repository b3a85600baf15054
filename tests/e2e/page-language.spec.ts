// A page is read in its own language: declared by <html lang>, or told by the browser's detector.
import type { BrowserContext } from '@playwright/test';
import { expect, test, type FixtureServer } from './fixtures';
import { markedMentions, waitForMarks } from '../../scripts/hover';

const STORY = `
<p>Según los diplomáticos, la ASEAN quiere que Myanmar vuelva a la mesa. Además, los ministros
de la región se reunieron durante dos días para discutir el plan de paz y la ayuda humanitaria.</p>
<p>Entre tanto, Min Aung Hlaing viajó a China para buscar apoyo. Durante la visita, el general
habló de comercio, de seguridad en la frontera y de las elecciones que el ejército promete
celebrar el próximo año, aunque la oposición las considera una farsa.</p>`;

/** Serves the story at `path`, with `lang` on its <html> or none. */
async function serve(context: BrowserContext, server: FixtureServer, path: string, lang?: string) {
  const url = `${server.origin}${path}`;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><title>Noticias</title></head><body>${STORY}</body></html>`,
    }),
  );
  return url;
}

/** Every title the stand-in Wikipedia was asked about. */
const askedTitles = (server: FixtureServer) =>
  server.requests.flatMap((request) =>
    (new URLSearchParams(request.query).get('titles') ?? '').split('|').filter(Boolean),
  );

for (const [how, lang] of [
  ['declared by the page', 'es'],
  ['told by the browser, when the page says nothing', undefined],
] as const) {
  test(`a Spanish page's sentence openings are not asked about: its language ${how}`, async ({
    launch,
    server,
  }) => {
    const { context } = await launch();
    const page = await context.newPage();
    await page.goto(await serve(context, server, `/noticias-${lang ?? 'sin-lang'}.html`, lang));
    await waitForMarks(page);
    await expect
      .poll(async () =>
        ((await markedMentions(page)) as Array<{ text: string }>).map((m) => m.text),
      )
      .toEqual(expect.arrayContaining(['ASEAN', 'Myanmar', 'Min Aung Hlaing', 'China']));
    const asked = askedTitles(server);
    for (const opening of ['Según', 'Además', 'Entre', 'Durante'])
      expect(asked).not.toContain(opening);
  });
}

test('a passage in another language is read in its own', async ({ launch, server }) => {
  const { context } = await launch();
  const url = `${server.origin}/quoted.html`;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><title>Quoted</title></head><body>
        <p>Leaders of ASEAN met in Jakarta, and Myanmar's envoy spoke to reporters.</p>
        <blockquote lang="es">${STORY}</blockquote></body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(url);
  await waitForMarks(page);
  await expect
    .poll(async () => ((await markedMentions(page)) as Array<{ text: string }>).map((m) => m.text))
    .toEqual(expect.arrayContaining(['ASEAN', 'Myanmar', 'Min Aung Hlaing']));
  const asked = askedTitles(server);
  for (const opening of ['Según', 'Además', 'Entre', 'Durante'])
    expect(asked).not.toContain(opening);
});
