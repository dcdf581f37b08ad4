/**
 * React 19 typings for `<cention-chat>` (`cention-chat/react`, types only). React 19 supports
 * custom elements itself: it sets props the element has as properties (`open`, `area`,
 * `baseUrl`, `client` …), others as attributes, and `on<event-name>` functions as listeners for that exact event name. So plain JSX
 * types are all a React user needs; no wrapper component (which would hide the element behind
 * another API for no gain). Use: `import type {} from 'cention-chat/react';` once, or add
 * `"cention-chat/react"` to `compilerOptions.types`.
 *
 * ```tsx
 * <cention-chat baseUrl="https://cloud.cention.com/s/demo" area={2} open={isOpen}
 *   oncention-chat-close={() => setOpen(false)}
 *   oncention-chat-start={(event) => console.log(event.detail.name)} />
 * ```
 */
import type { HTMLAttributes, Ref } from 'react';
import type { CentionChatElement } from './components/chat/chat.js';
import type { CentionChatAttributes, CentionChatEvents } from './types/attributes.js';

/** `oncention-chat-open`, `oncention-message-receive` …: listeners with the typed event. */
export type CentionChatReactEventProps = {
  [Name in keyof CentionChatEvents as `on${Name}`]?: (event: CentionChatEvents[Name]) => void;
};

export type CentionChatReactProps = Omit<HTMLAttributes<CentionChatElement>, 'lang'> &
  CentionChatAttributes &
  CentionChatReactEventProps & {
    ref?: Ref<CentionChatElement>;
    key?: string | number;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace.
  namespace JSX {
    interface IntrinsicElements {
      'cention-chat': CentionChatReactProps;
    }
  }
}
