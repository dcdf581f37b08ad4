import { css } from 'lit';

export const endConfirmStyles = css`
  :host {
    display: block;
    padding: var(--_space);
    background: var(--_surface-2);
    border-block-start: 1px solid var(--_border);
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

  .danger {
    background: var(--_danger);
    color: var(--_on-accent);
  }
`;
