/**
 * An app that uses Lit itself and the widget from the package: with `lit` a dependency of the
 * package (not bundled into it), the app's bundler includes one copy, which the widget's panel
 * shares (one entry in `litHtmlVersions` after the panel opened).
 */
import { LitElement, html } from 'lit';
import type { CentionChatElement } from 'cention-chat';
import 'cention-chat/embed';

class AppShell extends LitElement {
  override render() {
    return html`<h1>Lit app</h1>
      <button type="button" @click=${() => void this.#chat()?.show()}>
        Open the chat from Lit
      </button>`;
  }

  #chat(): CentionChatElement | null {
    return document.querySelector('cention-chat');
  }
}
customElements.define('app-shell', AppShell);

const chat = document.createElement('cention-chat');
chat.baseUrl = 'http://127.0.0.1:9/s/none';
chat.area = 1;
document.getElementById('app')!.append(document.createElement('app-shell'), chat);
