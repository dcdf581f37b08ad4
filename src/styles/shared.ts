/**
 * Small rules every panel element shares: box sizing, a visible focus ring, text fields, button
 * and visually-hidden helpers. Colours come from the private tokens that `<cention-chat>` sets
 * (see tokens.ts). The panel's elements only ever render inside it, so the rules here and in
 * each element name the private token without repeating its fallback value (the public
 * `--cention-*` fallbacks live once, in tokens.ts).
 *
 * Text fields are at least 16 px: smaller ones make mobile Safari zoom the page on focus.
 */
import { css } from 'lit';

export const shared = css`
  :host {
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  * {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  input,
  textarea {
    padding-block: 10px;
    padding-inline: 12px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: max(16px, 1em);
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
    border-radius: calc(var(--_radius) / 1.5);
    font: inherit;
    cursor: pointer;
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .button.secondary {
    background: transparent;
    color: var(--_text);
    border-color: var(--_border);
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
