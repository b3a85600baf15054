/** The options page. Topics, feeds, reading and privacy settings arrive with their issues. */
export function OptionsView() {
  return (
    <main class="surface">
      <h1>Gloss settings</h1>
      <section aria-labelledby="privacy">
        <h2 id="privacy">Privacy</h2>
        <p>
          Page text stays on your device. Gloss sends only the names it finds to Wikipedia, to learn
          which of them are articles. When you open a card, it asks Wikidata for that entity's facts
          and GDELT for the latest articles that name it. Everything it learns is kept in this
          browser.
        </p>
      </section>
    </main>
  );
}
