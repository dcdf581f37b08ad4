/** Styles of `<agent-console>`: the top bar, the sign-in form and the queue/chat sidebar. */
import { css } from 'lit';
import { controlStyles } from './shared.styles.js';

export const agentConsoleStyles = [
  controlStyles,
  css`
    :host {
      --_button-padding: 0.35rem 0.7rem;
      display: block;
      height: 100vh;
      font:
        15px/1.45 system-ui,
        sans-serif;
      color: #1b2432;
    }
    .top {
      display: flex;
      justify-content: space-between;
      align-items: center;
      padding: 0.6rem 1rem;
      background: #1b2432;
      color: #fff;
    }
    .top h1 {
      font-size: 1.05rem;
      margin: 0;
    }
    .status {
      font-size: 0.85rem;
    }
    .layout {
      display: grid;
      grid-template-columns: 18rem 1fr;
      height: calc(100vh - 2.8rem);
    }
    aside {
      border-right: 1px solid #d8dde7;
      overflow-y: auto;
      padding: 0.75rem;
      background: #f7f8fb;
    }
    h2 {
      font-size: 0.95rem;
      margin: 1rem 0 0.4rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      margin: 0 0 0.4rem;
    }
    .entry {
      background: #fff;
      border: 1px solid #d8dde7;
      border-radius: 0.5rem;
      padding: 0.5rem;
    }
    .entry p {
      margin: 0.2rem 0;
      font-size: 0.85rem;
      color: #4a5365;
      overflow-wrap: anywhere;
    }
    .chat-link {
      width: 100%;
      text-align: left;
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .chat-link[aria-current='true'] {
      border-color: #0b5fff;
      box-shadow: inset 3px 0 0 #0b5fff;
    }
    .empty {
      color: #4a5365;
      font-size: 0.9rem;
    }
    main {
      min-width: 0;
      min-height: 0;
    }
    .placeholder {
      padding: 2rem;
      color: #4a5365;
    }
    .signin {
      max-width: 22rem;
      margin: 4rem auto;
      padding: 1.5rem;
      border: 1px solid #d8dde7;
      border-radius: 0.75rem;
    }
    .signin label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.3rem;
    }
    .signin input {
      font: inherit;
      width: 100%;
      padding: 0.5rem;
      margin-bottom: 0.75rem;
      border: 1px solid #8a93a6;
      border-radius: 0.4rem;
      box-sizing: border-box;
    }
    .problem {
      color: #b42318;
    }
    .history input {
      font: inherit;
      width: 6rem;
      padding: 0.3rem;
      border: 1px solid #8a93a6;
      border-radius: 0.4rem;
    }
    .badge {
      background: #b42318;
      color: #fff;
      border-radius: 999px;
      font-size: 0.75rem;
      padding: 0 0.45rem;
    }
  `,
];
