import { css } from 'lit';

export const queueStatusStyles = css`
  :host {
    display: block;
    padding-block: 8px;
    padding-inline: var(--_space);
    background: var(--_surface-2);
    border-block-end: 1px solid var(--_border);
  }

  p {
    margin: 0;
  }

  .title {
    font-weight: 600;
  }
`;
