// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Correction } from '../../../entrypoints/card/Correction';
import { ok } from '../../../core/result';
import { draw, texts } from './render';

const asked: string[] = [];
vi.mock('../../../messaging/background', () => ({
  callBackground: async (call: string, text: string) => {
    asked.push(`${call} ${text}`);
    if (call === 'searchLocal') return ok([{ key: 'en:Karen_people', title: 'Karen people' }]);
    return ok(ok([{ key: 'en:Karen_Bass', title: 'Karen Bass', description: 'Mayor' }]));
  },
}));

/** Presses a key in the field, as the reader would. */
const key = (field: HTMLElement, name: string) =>
  act(() => {
    field.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });

/** Lets the search's answers (and its pause before Wikipedia) come in. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 300)));

describe('"Not this?"', () => {
  it('searches for the name as the page writes it, and Enter picks the highlighted meaning', async () => {
    const onPick = vi.fn();
    const root = draw(<Correction name="Karen" onPick={onPick} onCancel={() => {}} />);
    const field = root.querySelector<HTMLInputElement>('input[role=combobox]')!;
    expect(field.value).toBe('Karen');
    await settle();
    expect(asked).toEqual(['searchLocal Karen', 'searchWikipedia Karen']);
    expect(texts(root, '.result-title')).toEqual(['Karen people', 'Karen Bass']);
    key(field, 'ArrowDown');
    key(field, 'Enter');
    expect(onPick).toHaveBeenCalledWith({
      key: 'en:Karen_Bass',
      title: 'Karen Bass',
      description: 'Mayor',
    });
  });

  it('Back, or Esc on an empty field, returns to the card', async () => {
    const onCancel = vi.fn();
    const root = draw(<Correction name="Karen" onPick={() => {}} onCancel={onCancel} />);
    await settle();
    act(() => (root.querySelector('button.retry') as HTMLElement).click());
    expect(onCancel).toHaveBeenCalledOnce();
    const field = root.querySelector<HTMLInputElement>('input[role=combobox]')!;
    const esc = () => key(field, 'Escape');
    esc(); // clears the field first
    expect(onCancel).toHaveBeenCalledOnce();
    esc();
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});
