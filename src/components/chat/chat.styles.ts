/**
 * Styles of the launcher root: plain CSS text adopted through a constructable stylesheet, because
 * this element is in the first script, which does not carry Lit.
 * On small screens the panel is the whole visual viewport: chat.ts sizes it from script.
 */
export const chatStyles = `
  :host {
    position: fixed;
    inset-block-end: var(--_offset);
    inset-inline-end: var(--_offset);
    z-index: var(--_z);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    line-height: 1.4;
  }

  :host([position='bottom-start']) {
    inset-inline-end: auto;
    inset-inline-start: var(--_offset);
  }

  :host([inline]) {
    position: relative;
    inset: auto;
    z-index: auto;
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  * {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .launcher {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: var(--_launcher-size);
    block-size: var(--_launcher-size);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    box-shadow: var(--_shadow);
    cursor: pointer;
  }

  .launcher svg {
    fill: currentColor;
  }

  .badge {
    position: absolute;
    inset-block-start: -4px;
    inset-inline-end: -4px;
    min-inline-size: 22px;
    block-size: 22px;
    padding-inline: 6px;
    border-radius: 11px;
    background: var(--_badge);
    color: var(--_on-badge);
    font-size: 12px;
    font-weight: 700;
    line-height: 22px;
  }

  .panel {
    position: absolute;
    inset-block-end: calc(var(--_launcher-size) + 12px);
    inset-inline-end: 0;
    display: flex;
    flex-direction: column;
    inline-size: min(var(--_panel-width), calc(100vw - 2 * var(--_offset)));
    block-size: min(var(--_panel-height), calc(100dvh - var(--_launcher-size) - 3 * var(--_offset)));
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  :host([position='bottom-start']) .panel {
    inset-inline-end: auto;
    inset-inline-start: 0;
  }

  :host([inline]) .panel {
    position: relative;
    inset: auto;
    inline-size: 100%;
    block-size: var(--_panel-height);
    box-shadow: none;
  }

  .panel[hidden] {
    display: none;
  }

  .panel > * {
    flex: 1 1 auto;
    min-block-size: 0;
  }

  @media (max-width: 479.98px) {
    :host(:not([inline])) .panel {
      position: fixed;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      border: 0;
      border-radius: 0;
    }

    :host([open]:not([inline])) .launcher {
      display: none;
    }
  }
`;
