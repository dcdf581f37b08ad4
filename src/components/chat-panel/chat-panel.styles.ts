import { css } from 'lit';

export const chatPanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 0;
    background: var(--_surface);
    color: var(--_text);
  }

  .dialog {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: 0;
  }

  .dialog:focus {
    outline: none;
  }

  .header {
    display: flex;
    align-items: center;
    gap: 4px;
    padding-block: 8px;
    padding-inline: var(--_space) 6px;
    background: var(--_accent);
    color: var(--_on-accent);
  }

  h2 {
    flex: 1 1 auto;
    margin: 0;
    font-size: 1.05em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .header :focus-visible {
    outline-color: currentColor;
  }

  .text-button {
    min-block-size: 40px;
    padding-inline: 10px;
    border: 1px solid currentColor;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 0.85em;
    cursor: pointer;
  }

  .body {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: 0;
  }

  cention-message-list {
    flex: 1 1 auto;
  }

  cention-start-form {
    flex: 1 1 auto;
  }

  .status {
    margin: 0;
    padding: var(--_space);
    color: var(--_muted);
  }

  .banner {
    margin: 0;
    padding-block: 6px;
    padding-inline: var(--_space);
    background: var(--_surface-2);
    font-size: 0.85em;
  }
`;
