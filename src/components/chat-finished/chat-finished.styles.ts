import { css } from 'lit';

export const chatFinishedStyles = css`
  :host {
    display: block;
    padding: var(--_space, 12px);
    border-block-start: 1px solid var(--_border, #8e9199);
    background: var(--_surface-2, #f1f3f8);
  }

  h2 {
    margin: 0 0 4px;
    font-size: 1em;
  }

  p {
    margin: 0 0 var(--_space, 12px);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }

  a.button {
    text-decoration: none;
  }
`;
