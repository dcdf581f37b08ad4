import { css } from 'lit';

// Under prefers-reduced-motion the dots hold still: shared.ts turns every animation off.

export const typingPreviewStyles = css`
  :host {
    display: block;
    min-block-size: 1.5em;
    padding-inline: var(--_space);
    font-size: 0.85em;
    color: var(--_muted);
  }

  .typing {
    display: flex;
    gap: 8px;
    align-items: center;
  }

  .dots {
    display: inline-flex;
    gap: 3px;
  }

  .dots span {
    inline-size: 6px;
    block-size: 6px;
    border-radius: 50%;
    background: currentColor;
    animation: bounce 1.2s infinite ease-in-out;
  }

  .dots span:nth-child(2) {
    animation-delay: 0.15s;
  }

  .dots span:nth-child(3) {
    animation-delay: 0.3s;
  }

  .text {
    font-style: italic;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  @keyframes bounce {
    0%,
    60%,
    100% {
      transform: translateY(0);
      opacity: 0.5;
    }
    30% {
      transform: translateY(-3px);
      opacity: 1;
    }
  }
`;
