import { css } from 'lit';

export const endConfirmStyles = css`
  :host {
    display: block;
    padding: var(--_space, 12px);
    background: var(--_surface-2, #f1f3f8);
    border-block-start: 1px solid var(--_border, #8e9199);
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

  .danger {
    background: var(--_danger, #b3261e);
    color: var(--_on-accent, #ffffff);
  }
`;
