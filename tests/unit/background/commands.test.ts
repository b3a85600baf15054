import { describe, expect, it, vi } from 'vitest';
import { runCommand, STEP_COMMANDS } from '../../../entrypoints/background/commands';
import manifestConfig from '../../../wxt.config';

describe('keyboard commands', () => {
  it('steps forward or back in the tab the shortcut was pressed in', () => {
    const send = vi.fn(async () => undefined);
    runCommand('next-name', 7, send);
    runCommand('previous-name', 7, send);
    expect(send.mock.calls).toEqual([
      [7, { to: 'page', step: 1 }],
      [7, { to: 'page', step: -1 }],
    ]);
  });

  it('ignores commands it does not know, and presses outside a tab', () => {
    const send = vi.fn(async () => undefined);
    runCommand('_execute_action', 7, send);
    runCommand('next-name', undefined, send);
    expect(send).not.toHaveBeenCalled();
  });

  it('a tab where Gloss does not run is no error', async () => {
    const send = vi.fn(async () => Promise.reject(new Error('no receiving end')));
    expect(() => runCommand('next-name', 7, send)).not.toThrow();
    await Promise.resolve();
  });

  it('every step command is declared in the manifest with a shortcut the reader can change', () => {
    const manifest = manifestConfig.manifest as (env: { browser: string }) => {
      commands: Record<string, { suggested_key: { default: string }; description: string }>;
    };
    for (const browser of ['chrome', 'firefox']) {
      const { commands } = manifest({ browser });
      for (const name of Object.keys(STEP_COMMANDS)) {
        expect(commands[name]?.suggested_key.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
        expect(commands[name]?.description).not.toBe('');
      }
    }
  });
});
