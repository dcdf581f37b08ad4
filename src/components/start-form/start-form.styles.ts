import { css } from 'lit';

export const startFormStyles = css`
  :host {
    display: block;
    padding: var(--_space, 12px);
    overflow-y: auto;
  }

  h2 {
    margin-block: 0 8px;
    font-size: 1.1em;
  }

  p {
    margin-block: 0 var(--_space, 12px);
  }

  form {
    display: grid;
    gap: var(--_space, 12px);
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
    padding-block: 10px;
    padding-inline: 12px;
    border: 1px solid var(--_border, #8e9199);
    border-radius: calc(var(--_radius, 12px) / 1.5);
    background: var(--_surface, #ffffff);
    color: var(--_text, #1b1b1f);
    font: inherit;
    /* 16 px: smaller inputs make mobile Safari zoom the page on focus. */
    font-size: max(16px, 1em);
  }

  textarea {
    min-block-size: 5em;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger, #b3261e);
    border-width: 2px;
  }

  .error {
    margin: 0;
    color: var(--_danger, #b3261e);
    font-size: 0.85em;
  }

  .hint {
    color: var(--_muted, #54575e);
    font-size: 0.85em;
    margin: 0;
  }

  .hours {
    margin: 0 0 var(--_space, 12px);
    padding: 0;
    list-style: none;
  }

  .hours li {
    display: flex;
    justify-content: space-between;
    gap: 12px;
  }

  .notice {
    margin-block-end: var(--_space, 12px);
    padding: var(--_space, 12px);
    border-radius: var(--_radius, 12px);
    background: var(--_surface-2, #f1f3f8);
  }
`;
