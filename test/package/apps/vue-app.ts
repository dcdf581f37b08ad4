/**
 * A Vue 3 page written against what the packed package ships: `cention-chat/vue` adds the element
 * to `GlobalComponents`, whose props (attributes, and `on…` listeners for the widget's events, as
 * Vue's templates compile `@cention-chat-open`) type the render function's props here. The panel
 * opens through `open()` on a template ref.
 */
import { createApp, defineComponent, h, ref, type GlobalComponents } from 'vue';
import type { CentionChatElement } from 'cention-chat';
import 'cention-chat/embed';
import type {} from 'cention-chat/vue';

type ChatProps = InstanceType<GlobalComponents['cention-chat']>['$props'];

const App = defineComponent(() => {
  const chat = ref<CentionChatElement>();
  const events = ref<string[]>([]);
  return () => {
    const props: ChatProps & { ref: typeof chat } = {
      ref: chat,
      'base-url': 'http://127.0.0.1:9/s/none',
      area: 1,
      'area-name': 'Support from Vue',
      transcript: '',
      'onCention-chat-open': (event) => events.value.push(`open ${JSON.stringify(event.detail)}`),
      'onCention-unread-change': (event) => events.value.push(`unread ${event.detail.count}`),
    };
    return h('main', [
      h('h1', 'Vue 3 app'),
      h(
        'button',
        { type: 'button', onClick: () => void chat.value?.open() },
        'Open the chat from Vue',
      ),
      h(
        'ul',
        { 'aria-label': 'Widget events' },
        events.value.map((entry) => h('li', entry)),
      ),
      h('cention-chat', props),
    ]);
  };
});

export const typingsRefuse: ChatProps[] = [
  // @ts-expect-error `open` is the element's method: a prop would overwrite it.
  { open: true },
  // @ts-expect-error only the two bottom corners exist.
  { position: 'top-end' },
  // @ts-expect-error the start event's detail is {area, name, email}.
  { 'onCention-chat-start': (event) => event.detail.phone },
];

createApp(App).mount('#app');
