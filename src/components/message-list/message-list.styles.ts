import { css } from 'lit';

export const messageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    min-block-size: 0;
  }

  .log {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding-block: 4px var(--_space);
    padding-inline: var(--_space);
  }

  .pill {
    position: absolute;
    inset-block-end: 8px;
    inset-inline: 0;
    margin-inline: auto;
    inline-size: fit-content;
    border-radius: 999px;
    box-shadow: var(--_shadow);
  }
`;
