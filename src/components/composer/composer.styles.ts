import { css } from 'lit';

// Text field basics (border, 16 px font) come from shared.ts. In RTL the send button's paper
// plane is mirrored, so it points the way text runs.

export const composerStyles = css`
  :host {
    display: block;
  }

  .composer {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: var(--_space);
    border-block-start: 1px solid var(--_border);
    background: var(--_surface);
  }

  .row {
    display: flex;
    align-items: flex-end;
    gap: 6px;
  }

  textarea {
    flex: 1 1 auto;
    min-inline-size: 0;
    min-block-size: 44px;
    max-block-size: 8lh;
    resize: none;
    line-height: 1.4;
  }

  textarea:disabled {
    opacity: 0.6;
  }

  .send {
    min-block-size: 44px;
  }

  :host(:dir(rtl)) .send svg {
    transform: scaleX(-1);
  }

  .notice,
  .error,
  .upload {
    margin: 0;
    font-size: 0.85em;
  }

  .notice {
    color: var(--_muted);
  }

  .error {
    color: var(--_danger);
  }

  .upload {
    display: grid;
    gap: 2px;
  }

  progress {
    inline-size: 100%;
    block-size: 6px;
    accent-color: var(--_accent);
  }

  .drop {
    position: absolute;
    inset: 4px;
    display: grid;
    place-items: center;
    border: 2px dashed var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
  }

  input[type='file'] {
    display: none;
  }
`;
