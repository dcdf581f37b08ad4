/**
 * A React 19 page written against what the packed package ships: `cention-chat/embed` registers
 * the element, `cention-chat/react` types it in JSX. The panel opens through the element's `open()`
 * method (a ref), and the widget's events arrive typed through React 19's `on<event-name>` props.
 * The `@ts-expect-error` lines are the typings' other half: they must stay errors.
 */
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CentionChatElement } from 'cention-chat';
import 'cention-chat/embed';
import type {} from 'cention-chat/react';

function App() {
  const chat = useRef<CentionChatElement>(null);
  const [events, setEvents] = useState<string[]>([]);
  const log = (entry: string) => setEvents((list) => [...list, entry]);
  return (
    <main>
      <h1>React 19 app</h1>
      <button type="button" onClick={() => void chat.current?.open()}>
        Open the chat from React
      </button>
      <ul aria-label="Widget events">
        {events.map((entry, index) => (
          <li key={index}>{entry}</li>
        ))}
      </ul>
      <cention-chat
        ref={chat}
        base-url="http://127.0.0.1:9/s/none"
        area={1}
        area-name="Support from React"
        position="bottom-start"
        transcript
        oncention-chat-open={(event) => log(`open ${JSON.stringify(event.detail)}`)}
        oncention-chat-close={() => log('close')}
        oncention-unread-change={(event) => log(`unread ${event.detail.count.toFixed(0)}`)}
      />
    </main>
  );
}

export const typingsRefuse = [
  // @ts-expect-error `open` is the element's method: a prop would overwrite it.
  <cention-chat key="open" open />,
  // @ts-expect-error only the two bottom corners exist.
  <cention-chat key="position" position="top-end" />,
  // @ts-expect-error the start event's detail is {area, name, email}.
  <cention-chat key="detail" oncention-chat-start={(event) => event.detail.phone} />,
];

createRoot(document.getElementById('app')!).render(<App />);
