/**
 * Small rules every panel element shares: box sizing, a visible focus ring, button and
 * visually-hidden helpers. Colours come from the private tokens set on `<cention-chat>`
 * (see tokens.ts), with plain fallbacks so an element also renders on its own.
 */
import { css } from 'lit';

export const shared = css`
  :host {
    box-sizing: border-box;
    font-family: var(--_font, system-ui, sans-serif);
    font-size: var(--_font-size, 15px);
    color: var(--_text, #1b1b1f);
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus, #0b57d0);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 40px;
    padding-block: 0.5em;
    padding-inline: 1em;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius, 12px) / 1.5);
    font: inherit;
    cursor: pointer;
    background: var(--_accent, #0b57d0);
    color: var(--_on-accent, #ffffff);
  }

  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .button.secondary {
    background: transparent;
    color: var(--_text, #1b1b1f);
    border-color: var(--_border, #8e9199);
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 40px;
    block-size: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }

  .icon-button:hover:not([disabled]) {
    background: color-mix(in srgb, currentColor 12%, transparent);
  }

  .icon-button[disabled] {
    cursor: not-allowed;
    opacity: 0.5;
  }

  svg {
    fill: currentColor;
    flex: none;
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
