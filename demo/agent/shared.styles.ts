/**
 * The control rules both console elements share (buttons and the focus ring). Each element sets
 * `--_button-padding` on its `:host`: the console's header and queue buttons are a little smaller
 * than the chat panel's.
 */
import { css } from 'lit';

export const controlStyles = css`
  button {
    font: inherit;
    padding: var(--_button-padding);
    border-radius: 0.4rem;
    border: 1px solid #8a93a6;
    background: #fff;
    cursor: pointer;
  }
  button.primary {
    background: #0b5fff;
    border-color: #0b5fff;
    color: #fff;
  }
  button:focus-visible,
  textarea:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 3px solid #ffbf47;
    outline-offset: 1px;
  }
`;
