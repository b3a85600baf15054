import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Draws a view into a fresh element of the test's DOM; answers the element. */
export function draw(view: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  act(() => render(view, root));
  return root;
}

/** Clicks the element (the button a reader would press) and lets the view update. */
export function press(element: Element | null): void {
  if (!element) throw new Error('nothing to press');
  act(() => (element as HTMLElement).click());
}

/** The visible text of the elements matching `selector`. */
export function texts(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((element) => element.textContent?.trim() ?? '');
}
