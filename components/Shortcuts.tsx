/** A keyboard command as the browser reports it: its shortcut is empty when none is set. */
export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** The popup's command, which browsers report without a description. */
const POPUP_COMMAND = '_execute_action';

/** The keyboard shortcuts as they stand, and where the browser lets the reader change them. */
export function Shortcuts({
  shortcuts,
  settingsPage,
}: {
  shortcuts: Shortcut[];
  settingsPage: string;
}) {
  return (
    <section aria-labelledby="shortcuts">
      <h2 id="shortcuts">Keyboard shortcuts</h2>
      <table class="shortcuts">
        <tbody>
          {shortcuts.map((command) => (
            <tr key={command.name}>
              <td>
                {command.description ||
                  (command.name === POPUP_COMMAND
                    ? 'Open Gloss to look something up'
                    : command.name)}
              </td>
              <td>
                {command.shortcut ? (
                  <kbd>{command.shortcut}</kbd>
                ) : (
                  <span class="muted">Not set</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Esc closes a card. Change the shortcuts in your browser’s settings: {settingsPage}.
      </p>
    </section>
  );
}
