/**
 * The console's controller on a socket stand-in: sign-in, acks, and what the agent sees when the
 * connection drops under an action (a failed action, never one that waits forever).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { defineAgentConsole } from '../../demo/agent/agent-console.js';
import { ConsoleController } from '../../demo/agent/console-controller.js';
import { waitFor } from '../support/fake-server-client.js';
import { chatMessage, chatSnapshot, loginResult, socketRecorder } from './fake-agent-socket.js';

const SIGN_IN_KEY = 'cention-agent-sign-in';

/** The part of a Lit element a controller talks to. */
class TestHost implements ReactiveControllerHost {
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

/** A controller signed in as Alice on the first stand-in socket. */
async function signedInController() {
  const recorder = socketRecorder();
  const host = new TestHost();
  const controller = new ConsoleController(host, {
    basePath: () => '/s/demo',
    createSocket: recorder.create,
  });
  controller.hostConnected();
  const socket = recorder.sockets[0]!;
  socket.open();
  const signIn = controller.signIn('Alice', 'correct horse');
  socket.receive({
    event: 'login',
    args: [{ ...loginResult(), signInToken: 'token-of-this-tab' }],
    re: socket.lastSent('login').id,
  });
  await signIn;
  return { controller, host, sockets: recorder.sockets, socket };
}

/** Settles a promise into the error it failed with (or undefined), for assertions. */
const failureOf = (promise: Promise<unknown>): Promise<Error | undefined> =>
  promise.then(
    () => undefined,
    (error: Error) => error,
  );

describe('ConsoleController', () => {
  beforeEach(() => sessionStorage.removeItem(SIGN_IN_KEY));
  afterEach(() => sessionStorage.removeItem(SIGN_IN_KEY));

  it('signs in with the password, keeps only the sign-in token, and renders each change', async () => {
    const { controller, host, socket } = await signedInController();
    expect(socket.url).to.equal('/s/demo/socket/agent');
    expect(socket.lastSent('login').data).to.deep.equal({
      name: 'Alice',
      password: 'correct horse',
    });
    expect(controller.state.me).to.equal('Alice');
    expect(controller.state.connection).to.equal('open');
    const stored = sessionStorage.getItem(SIGN_IN_KEY) ?? '';
    expect(JSON.parse(stored)).to.deep.equal({ name: 'Alice', token: 'token-of-this-tab' });
    expect(stored, 'the password is never stored').not.to.contain('correct horse');
    expect(host.updates).to.be.greaterThan(0);
    controller.hostDisconnected();
  });

  it('acks the visitor messages of a chat it works', async () => {
    const { controller, socket } = await signedInController();
    socket.receive({ event: 'chat', args: [chatSnapshot(4, { messages: [chatMessage(1)] })] });
    expect(socket.lastSent('ack').data).to.deep.equal({ sessionId: 4, ids: [1] });
    socket.receive({ event: 'chat message', args: [{ sessionId: 4, messages: [chatMessage(2)] }] });
    expect(socket.lastSent('ack').data).to.deep.equal({ sessionId: 4, ids: [1, 2] });
    controller.hostDisconnected();
  });

  it('turns an error answer into a failed action and a problem to show', async () => {
    const { controller, socket } = await signedInController();
    const failure = failureOf(controller.actionsFor(4).leave());
    const frame = socket.lastSent('leave');
    socket.receive({
      event: 'error',
      args: [{ code: 'not_in_chat', message: 'You are not in this chat.' }],
      re: frame.id,
    });
    expect((await failure)?.message).to.equal('You are not in this chat.');
    expect(controller.state.problem).to.equal('You are not in this chat.');
    controller.hostDisconnected();
  });

  it('fails a pending action when the socket closes, then signs in again on the new socket', async () => {
    const { controller, sockets, socket } = await signedInController();
    const failure = failureOf(controller.actionsFor(4).end());
    expect(socket.lastSent('end').data).to.deep.equal({ sessionId: 4 });
    socket.drop();
    const message = 'The connection to the server closed before it answered "end".';
    expect((await failure)?.message).to.equal(message);
    expect(controller.state.problem).to.equal(message);
    expect(controller.state.connection).to.equal('closed');

    await waitFor(() => sockets.length === 2, 'a reconnect', 2000);
    sockets[1]!.open();
    expect(sockets[1]!.lastSent('login').data).to.deep.equal({
      name: 'Alice',
      token: 'token-of-this-tab',
    });
    expect(controller.state.problem, 'signing in again clears it').to.equal('');
    controller.hostDisconnected();
  });

  it('accept and open-by-number report failure through `problem` without throwing', async () => {
    const { controller, socket } = await signedInController();
    const accepted = controller.accept(5);
    socket.drop();
    await accepted;
    expect(controller.state.problem).to.match(/closed before it answered "accept"/);
    expect(await controller.openChat(6), 'not connected').to.equal(false);
    controller.hostDisconnected();
  });
});

describe('agent-chat-panel with the controller', () => {
  beforeEach(() => sessionStorage.removeItem(SIGN_IN_KEY));

  it('shows a failed "End chat" when the connection drops before the answer', async () => {
    defineAgentConsole();
    const { controller, socket } = await signedInController();
    const panel = await fixture(
      html`<agent-chat-panel
        .chat=${chatSnapshot(4)}
        .me=${'Alice'}
        .token=${'token-of-Alice'}
        .actions=${controller.actionsFor(4)}
      ></agent-chat-panel>`,
    );
    const end = [...panel.shadowRoot!.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'End chat',
    );
    end!.click();
    await waitFor(() => socket.sent.some((frame) => frame.type === 'end'), 'the end frame');
    socket.drop();
    const notice = await waitFor(
      () => panel.shadowRoot!.querySelector('.notice[role="alert"]') ?? undefined,
      'the notice',
    );
    expect(notice.textContent).to.equal(
      'The connection to the server closed before it answered "end".',
    );
    expect(end!.disabled, 'the panel is usable again').to.equal(false);
    controller.hostDisconnected();
  });
});
