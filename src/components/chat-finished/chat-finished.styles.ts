import { css } from 'lit';

export const chatFinishedStyles = css`
  :host {
    display: block;
    padding: var(--_space);
    border-block-start: 1px solid var(--_border);
    background: var(--_surface-2);
  }

  h2 {
    margin: 0 0 4px;
    font-size: 1em;
  }

  p {
    margin: 0 0 var(--_space);
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
