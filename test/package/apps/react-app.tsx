/**
 * A React 19 page written against what the packed package ships: `cention-chat/embed` registers
 * the element, `cention-chat/react` types it in JSX. `open`, `area` and `baseUrl` are set as
 * properties (React 19 does so for props the element has): the panel opens from React state, and
 * the widget's events arrive typed through React 19's `on<event-name>` props.
 * The `@ts-expect-error` lines are the typings' other half: they must stay errors.
 */
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CentionChatElement } from 'cention-chat';
import 'cention-chat/embed';
import type {} from 'cention-chat/react';

function App() {
  const chat = useRef<CentionChatElement>(null);
  const [isOpen, setOpen] = useState(false);
  const [events, setEvents] = useState<string[]>([]);
  const log = (entry: string) => setEvents((list) => [...list, entry]);
  return (
    <main>
      <h1>React 19 app</h1>
      <button type="button" onClick={() => setOpen(true)}>
        Open the chat from React
      </button>
      <ul aria-label="Widget events">
        {events.map((entry, index) => (
          <li key={index}>{entry}</li>
        ))}
      </ul>
      <cention-chat
        ref={chat}
        baseUrl="http://127.0.0.1:9/s/none"
        area={1}
        open={isOpen}
        area-name="Support from React"
        position="bottom-start"
        transcript
        oncention-chat-open={(event) => log(`open ${JSON.stringify(event.detail)}`)}
        oncention-chat-close={() => {
          setOpen(false);
          log('close');
        }}
        oncention-unread-change={(event) => log(`unread ${event.detail.count.toFixed(0)}`)}
      />
    </main>
  );
}

export const typingsRefuse = [
  // @ts-expect-error `open` is a boolean property, not a string.
  <cention-chat key="open" open="yes" />,
  // @ts-expect-error the `area` property is a number.
  <cention-chat key="area" area={{ id: 2 }} />,
  // @ts-expect-error only the two bottom corners exist.
  <cention-chat key="position" position="top-end" />,
  // @ts-expect-error the start event's detail is {area, name, email}.
  <cention-chat key="detail" oncention-chat-start={(event) => event.detail.phone} />,
];

createRoot(document.getElementById('app')!).render(<App />);
