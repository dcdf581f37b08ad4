/** Styles of `<agent-errands>`: the sidebar's list of left messages and the opened one. */
import { css } from 'lit';
import { controlStyles } from './shared.styles.js';

export const errandsStyles = [
  controlStyles,
  css`
    :host {
      --_button-padding: 0.35rem 0.7rem;
      display: block;
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
    .errand {
      margin-bottom: 0.4rem;
    }
    .errand > button {
      width: 100%;
      text-align: start;
    }
    .status {
      font-size: 0.8rem;
      color: #4a5466;
    }
    .detail {
      padding: 0.4rem 0.2rem;
    }
    .meta {
      font-size: 0.8rem;
      color: #4a5466;
      margin: 0 0 0.3rem;
      overflow-wrap: anywhere;
    }
    .message,
    .reply {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0 0 0.4rem;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      font: inherit;
    }
    label {
      display: block;
      font-weight: 600;
      font-size: 0.85rem;
    }
    .actions {
      display: flex;
      gap: 0.4rem;
      flex-wrap: wrap;
      margin-top: 0.3rem;
    }
    .empty {
      color: #4a5466;
      margin: 0 0 0.4rem;
    }
    .problem {
      color: #b00020;
    }
    .refresh {
      margin-top: 0.3rem;
    }
  `,
];
