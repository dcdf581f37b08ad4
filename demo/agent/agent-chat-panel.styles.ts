/** Styles of `<agent-chat-panel>`: the chat header, the message log, the composer and its tools. */
import { css } from 'lit';
import { controlStyles } from './shared.styles.js';

export const agentChatPanelStyles = [
  controlStyles,
  css`
    :host {
      --_button-padding: 0.4rem 0.8rem;
      display: grid;
      grid-template-rows: auto 1fr auto auto;
      height: 100%;
      min-height: 0;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: baseline;
      padding: 0.75rem 1rem;
      border-bottom: 1px solid #d8dde7;
    }
    h2 {
      margin: 0;
      font-size: 1.1rem;
    }
    .meta {
      color: #4a5365;
      font-size: 0.85rem;
    }
    .agents {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
      width: 100%;
    }
    .chip {
      background: #eef1f7;
      border-radius: 999px;
      padding: 0.1rem 0.6rem;
      font-size: 0.85rem;
      display: inline-flex;
      gap: 0.3rem;
      align-items: center;
    }
    .messages {
      overflow-y: auto;
      min-height: 0;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 1rem;
    }
    li {
      margin: 0 0 0.75rem;
      max-width: 42rem;
    }
    li.mine {
      margin-left: auto;
      text-align: right;
    }
    .bubble {
      display: inline-block;
      text-align: left;
      padding: 0.5rem 0.75rem;
      border-radius: 0.75rem;
      background: #eef1f7;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    li.mine .bubble {
      background: #0b5fff;
      color: #fff;
    }
    li.mine .bubble a {
      color: #fff;
    }
    li.system {
      text-align: center;
      color: #4a5365;
      font-style: italic;
      max-width: none;
    }
    li.internal .bubble {
      background: #fff4d6;
      border: 1px dashed #c99a00;
    }
    .who {
      font-size: 0.8rem;
      color: #4a5365;
    }
    .state {
      font-size: 0.75rem;
      color: #4a5365;
    }
    .typing {
      padding: 0 1rem 0.5rem;
      color: #4a5365;
      font-style: italic;
      min-height: 1.4em;
    }
    form {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.5rem;
      padding: 0.75rem 1rem;
      border-top: 1px solid #d8dde7;
    }
    textarea {
      font: inherit;
      padding: 0.5rem;
      min-height: 3.2rem;
      resize: vertical;
      border: 1px solid #8a93a6;
      border-radius: 0.4rem;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      padding: 0 1rem 0.75rem;
    }
    button.danger {
      border-color: #b42318;
      color: #b42318;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    .notice {
      padding: 0 1rem 0.5rem;
      color: #b42318;
    }
    .ended {
      padding: 0.5rem 1rem;
      background: #f4f6fb;
    }
    .rating {
      margin: 0.25rem 0;
      white-space: pre-wrap;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
];
