import { css } from 'lit';

export const composerStyles = css`
  :host {
    display: block;
  }

  .composer {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: var(--_space, 12px);
    border-block-start: 1px solid var(--_border, #8e9199);
    background: var(--_surface, #ffffff);
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
    padding-block: 10px;
    padding-inline: 12px;
    border: 1px solid var(--_border, #8e9199);
    border-radius: calc(var(--_radius, 12px) / 1.5);
    background: var(--_surface, #ffffff);
    color: var(--_text, #1b1b1f);
    /* 16 px: smaller inputs make mobile Safari zoom the page on focus. */
    font: inherit;
    font-size: max(16px, 1em);
    line-height: 1.4;
  }

  textarea:disabled {
    opacity: 0.6;
  }

  .send {
    min-block-size: 44px;
  }

  /* The paper plane points the way text runs. */
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
    color: var(--_muted, #54575e);
  }

  .error {
    color: var(--_danger, #b3261e);
  }

  .upload {
    display: grid;
    gap: 2px;
  }

  progress {
    inline-size: 100%;
    block-size: 6px;
    accent-color: var(--_accent, #0b57d0);
  }

  .drop {
    position: absolute;
    inset: 4px;
    display: grid;
    place-items: center;
    border: 2px dashed var(--_accent, #0b57d0);
    border-radius: var(--_radius, 12px);
    background: var(--_surface, #ffffff);
    font-weight: 600;
  }

  input[type='file'] {
    display: none;
  }
`;
