import { css } from 'lit';

export const messageStyles = css`
  :host {
    display: block;
  }

  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-inline-size: 100%;
    margin-block-start: 2px;
  }

  .message.group-start {
    margin-block-start: var(--_space);
  }

  .message.visitor {
    align-items: flex-end;
  }

  .message.system {
    align-items: center;
    text-align: center;
  }

  .author {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_muted);
    margin-block-end: 2px;
    margin-inline: 4px;
  }

  .bubble {
    max-inline-size: 85%;
    padding-block: 8px;
    padding-inline: 12px;
    border-radius: var(--_radius);
    background: var(--_agent-bubble);
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .visitor .bubble {
    background: var(--_visitor-bubble);
    color: var(--_on-visitor-bubble);
  }

  .visitor .bubble a {
    color: inherit;
  }

  .failed .bubble {
    outline: 2px solid var(--_danger);
    outline-offset: 1px;
  }

  .system .bubble {
    background: transparent;
    color: var(--_muted);
    font-size: 0.875em;
    padding-block: 4px;
  }

  p {
    margin: 0;
  }

  .text {
    white-space: pre-wrap;
  }

  .html > :first-child {
    margin-block-start: 0;
  }

  .html > :last-child {
    margin-block-end: 0;
  }

  .html img {
    max-inline-size: 100%;
    block-size: auto;
  }

  .details {
    display: flex;
    gap: 8px;
    align-items: center;
    font-size: 0.75em;
    color: var(--_muted);
    margin-block-start: 2px;
    margin-inline: 4px;
  }

  .failed .details {
    color: var(--_danger);
  }

  .link-button {
    border: 0;
    padding: 2px 4px;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }

  .file {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-block-start: 6px;
  }

  .thumbnail {
    display: block;
    max-inline-size: 220px;
    max-block-size: 220px;
    border-radius: calc(var(--_radius) / 2);
    object-fit: contain;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-block-start: 8px;
  }

  .buttons .button {
    text-decoration: none;
    min-block-size: 36px;
    font-size: 0.9em;
  }

  .buttons .button[aria-pressed='true'] {
    opacity: 1;
    outline: 2px solid currentColor;
  }
`;
