import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { EntityCard, type CardActions } from './EntityCard';
import type { CardState } from '../core/card';
import cardCss from '../assets/card.css?inline';

/**
 * The card as pages show it, in the popup: the same component and styles, in a shadow root of its
 * own so the popup's styles and the card's leave each other alone.
 */
export function ShadowCard({ state, actions }: { state: CardState; actions: CardActions }) {
  const host = useRef<HTMLDivElement>(null);
  const mount = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = host.current!;
    if (!mount.current) {
      const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      // In the popup the card sits in the flow, not over a page.
      style.textContent = `${cardCss}\n:host { position: static; }`;
      mount.current = document.createElement('div');
      shadow.append(style, mount.current);
    }
    render(<EntityCard state={state} actions={actions} />, mount.current);
  });
  useEffect(() => () => mount.current && render(null, mount.current), []);
  return <div ref={host} class="shadow-card" />;
}
