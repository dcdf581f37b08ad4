import { css } from 'lit';

export const typingPreviewStyles = css`
  :host {
    display: block;
    min-block-size: 1.5em;
    padding-inline: var(--_space, 12px);
    font-size: 0.85em;
    color: var(--_muted, #54575e);
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

  /* Reduced motion: steady dots instead of bouncing ones. */
  @media (prefers-reduced-motion: reduce) {
    .dots span {
      animation: none;
      opacity: 0.8;
    }
  }
`;
