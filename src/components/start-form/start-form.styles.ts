import { css } from 'lit';

export const startFormStyles = css`
  :host {
    display: block;
    padding: var(--_space);
    overflow-y: auto;
  }

  h2 {
    margin-block: 0 8px;
    font-size: 1.1em;
  }

  p {
    margin-block: 0 var(--_space);
  }

  form {
    display: grid;
    gap: var(--_space);
  }

  .field {
    display: grid;
    gap: 4px;
  }

  label {
    font-weight: 600;
    font-size: 0.9em;
  }

  input,
  textarea {
    inline-size: 100%;
  }

  textarea {
    min-block-size: 5em;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }

  .error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.85em;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.85em;
    margin: 0;
  }

  .hours {
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }

  .hours li {
    display: flex;
    justify-content: space-between;
    gap: 12px;
  }

  .notice {
    margin-block-end: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
`;
