/**
 * Extra Web Test Runner plugins (loaded by web-test-runner.config.mjs): the `fake-chat-server`
 * server command, through which browser tests start and script `FakeChatServer` instances.
 * Browser side: `fake-server-client.ts`. Payload: `{op, id?, args?}`; see `FakeServerCommand`.
 */
import { readFile } from 'node:fs/promises';
import { FakeChatServer } from './fake-chat-server.js';
import type { FakeServerCommand } from './fake-server-commands.js';

const servers = new Map<number, FakeChatServer>();
let nextId = 1;

function serverOf(id: number | undefined): FakeChatServer {
  const server = id === undefined ? undefined : servers.get(id);
  if (!server) throw new Error(`fake-chat-server: no server with id ${String(id)}`);
  return server;
}

async function run(command: FakeServerCommand): Promise<unknown> {
  switch (command.op) {
    case 'start': {
      const server = await FakeChatServer.start(command.options ?? {});
      const id = nextId++;
      servers.set(id, server);
      return { id, baseURL: server.baseURL };
    }
    case 'stop': {
      const server = servers.get(command.id);
      servers.delete(command.id);
      await server?.stop();
      return true;
    }
    case 'received':
      return serverOf(command.id).received;
    case 'httpRequests':
      return serverOf(command.id).httpRequests;
    case 'clearLogs':
      serverOf(command.id).clearLogs();
      return true;
    case 'send':
      serverOf(command.id).send(command.frame, command.connection);
      return true;
    case 'pushMessage':
      return serverOf(command.id).pushMessage(command.text, command.options) ?? null;
    case 'finishSession':
      serverOf(command.id).finishSession(command.by, command.sessionId);
      return true;
    case 'drop':
      serverOf(command.id).drop(command.connection);
      return true;
    case 'refuseConnections':
      serverOf(command.id).refuseConnections(command.ms);
      return true;
    case 'setAutoReply':
      serverOf(command.id).setAutoReply(command.value);
      return true;
    case 'setAckMessages':
      serverOf(command.id).setAckMessages(command.value);
      return true;
    case 'setCanChat':
      serverOf(command.id).setCanChat(command.answer);
      return true;
    case 'setUploadAnswer':
      serverOf(command.id).setUploadAnswer(command.answer ?? undefined);
      return true;
    case 'openConnections':
      return serverOf(command.id).openConnections();
    case 'sessions':
      return serverOf(command.id).sessionList();
  }
}

const fakeChatServerPlugin = {
  name: 'cention-fake-chat-server',
  async executeCommand({ command, payload }: { command: string; payload?: unknown }) {
    if (command !== 'fake-chat-server') return undefined;
    // WTR treats `undefined` as "not handled", so every op answers with a value.
    return (await run(payload as FakeServerCommand)) ?? null;
  },
  async serverStop() {
    await Promise.all([...servers.values()].map((server) => server.stop()));
    servers.clear();
  },
};

/**
 * Serves sockjs-client's prebuilt UMD bundle as an ES module with a default export, as Vite does in
 * the real build. Needed because @rollup/plugin-commonjs (strictRequires) turns the file into a
 * module that only exports `__require`, relying on a proxy module the dev server never creates,
 * so `import SockJS from 'sockjs-client/dist/sockjs.min.js'` failed in tests. The UMD wrapper
 * sees `module` + `exports` and assigns `module.exports`. The ESM output is then left alone by the
 * commonjs plugin.
 */
const sockjsUmdAsEsmPlugin = {
  name: 'cention-sockjs-umd-as-esm',
  async serve(context: { path: string }) {
    if (!context.path.endsWith('/node_modules/sockjs-client/dist/sockjs.min.js')) return undefined;
    const umd = await readFile(
      new URL('../../node_modules/sockjs-client/dist/sockjs.min.js', import.meta.url),
      'utf8',
    );
    const body = [
      'const module = { exports: {} };',
      '(function (module, exports, define) {',
      umd.replace(/\/\/# sourceMappingURL=.*$/m, ''),
      '}).call(globalThis, module, module.exports, undefined);',
      'export default module.exports;',
    ].join('\n');
    return { body, type: 'js' };
  },
};

/**
 * Serves `import text from './x.css?inline'` as Vite does in the real build: a module whose
 * default export is the stylesheet's text (unminified here). The widget keeps its styles in .css
 * files so that Vite minifies them.
 */
const cssInlinePlugin = {
  name: 'cention-css-inline',
  async serve(context: { path: string; URL: URL }) {
    if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return undefined;
    const text = await readFile(new URL(`../..${context.path}`, import.meta.url), 'utf8');
    return { body: `export default ${JSON.stringify(text)};`, type: 'js' };
  },
};

export default [sockjsUmdAsEsmPlugin, cssInlinePlugin, fakeChatServerPlugin];
