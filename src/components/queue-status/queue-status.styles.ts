import { css } from 'lit';

export const queueStatusStyles = css`
  :host {
    display: block;
    padding-block: 8px;
    padding-inline: var(--_space, 12px);
    background: var(--_surface-2, #f1f3f8);
    border-block-end: 1px solid var(--_border, #8e9199);
  }

  p {
    margin: 0;
  }

  .title {
    font-weight: 600;
  }
`;
