/**
 * A Vue 3 page written against what the packed package ships: `cention-chat/vue` adds the element
 * to `GlobalComponents`, whose props (attributes, and `on…` listeners for the widget's events, as
 * Vue's templates compile `@cention-chat-open`) type the render function's props here. `open`,
 * `area` and `baseUrl` are set as properties (Vue does so for keys the element has): the panel
 * opens from a Vue ref.
 */
import { createApp, defineComponent, h, ref, type GlobalComponents } from 'vue';
import type { CentionChatElement } from 'cention-chat';
import 'cention-chat/embed';
import type {} from 'cention-chat/vue';

type ChatProps = InstanceType<GlobalComponents['cention-chat']>['$props'];

const App = defineComponent(() => {
  const chat = ref<CentionChatElement>();
  const isOpen = ref(false);
  const events = ref<string[]>([]);
  return () => {
    const props: ChatProps & { ref: typeof chat } = {
      ref: chat,
      baseUrl: 'http://127.0.0.1:9/s/none',
      area: 1,
      open: isOpen.value,
      'area-name': 'Support from Vue',
      transcript: '',
      'onCention-chat-open': (event) => events.value.push(`open ${JSON.stringify(event.detail)}`),
      'onCention-chat-close': () => (isOpen.value = false),
      'onCention-unread-change': (event) => events.value.push(`unread ${event.detail.count}`),
    };
    return h('main', [
      h('h1', 'Vue 3 app'),
      h(
        'button',
        { type: 'button', onClick: () => (isOpen.value = true) },
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
  // @ts-expect-error `open` is a boolean property, not a string.
  { open: 'yes' },
  // @ts-expect-error only the two bottom corners exist.
  { position: 'top-end' },
  // @ts-expect-error the start event's detail is {area, name, email}.
  { 'onCention-chat-start': (event) => event.detail.phone },
];

createApp(App).mount('#app');
