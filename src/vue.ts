/**
 * Vue 3 typings for `<cention-chat>` (`cention-chat/vue`, types only): a `GlobalComponents`
 * entry, so `vue-tsc` and Volar check its attributes and `@cention-…` listeners in templates.
 * Tell Vue the tag is a custom element (`compilerOptions.isCustomElement`, see docs/widget.md).
 * Use: `import type {} from 'cention-chat/vue';` once, or add `"cention-chat/vue"` to
 * `compilerOptions.types`.
 *
 * ```vue
 * <cention-chat base-url="https://cloud.cention.com/s/demo" :area="2" :open="isOpen"
 *   @cention-chat-close="isOpen = false"
 *   @cention-chat-start="(event) => console.log(event.detail.name)" />
 * ```
 */
import type { ComponentOptionsMixin, ComputedOptions, DefineComponent, MethodOptions } from 'vue';
import type { CentionChatAttributes, CentionChatEvents } from './types/attributes.js';

/** `@cention-chat-open` … in templates: each listener gets the typed DOM event. */
export type CentionChatVueEmits = {
  [Name in keyof CentionChatEvents]: (event: CentionChatEvents[Name]) => void;
};

export type CentionChatVueComponent = DefineComponent<
  CentionChatAttributes,
  object,
  object,
  ComputedOptions,
  MethodOptions,
  ComponentOptionsMixin,
  ComponentOptionsMixin,
  CentionChatVueEmits
>;

declare module 'vue' {
  interface GlobalComponents {
    'cention-chat': CentionChatVueComponent;
  }
}
