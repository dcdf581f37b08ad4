/**
 * The code samples of reference/chat-api.txt, copied verbatim, run against `_CentionChat()` (the
 * factory the embed entry puts on `window`) and the fake server. Two samples do not parse as
 * printed (a missing comma in `connect`, an object literal written as a block in `canChat`); the
 * test proves that and runs them with the smallest fix, marked below.
 */
import { expect } from '@open-wc/testing';
import { createCentionChat, type CentionChat } from '../../src/client/centionchat.js';
import { startFakeServer, type FakeServer } from '../support/fake-server-client.js';
import { clearClientStorage, waitFor } from './helpers.js';

declare global {
  interface Window {
    _CentionChat?: typeof createCentionChat;
  }
}

const setupSample = String.raw`
var CentionAreaId = 2;
var CentionChat = _CentionChat();
CentionChat.baseURL = 'https://cloud.cention.com/s/demo';
`;

const translationSample = String.raw`
var translation = {
"Agent(s) removed: {AGENT_NAMES}": "Agent(s) removed: {AGENT_NAMES}",
"Agent(s) added: {AGENT_NAMES}": "Agent(s) added: {AGENT_NAMES}",
"{AGENT_NAME} has left the chat.": "{AGENT_NAME} has left the chat.",
"Client ended the chat.": "Client ended the chat.",
"{NAME} ended the chat.": "{NAME} ended the chat.",
"{NAME} attached a file.": "{NAME} attached a file."
};
CentionChat.I = function(text) {
return translation[text];
};
`;

const messageAckedSample = String.raw`
CentionChat.registerAction('message acked', function(msg) {
console.log("messages received by agent", msg.ids);
});
`;

const chatMessageSample = String.raw`
CentionChat.registerAction("chat message", function(data) {
console.log("Chat message received", data);
});
`;

const connectSample = String.raw`
CentionChat.connect({
area: 1,
email: "john.smith@gmail.com",
message: "Hello! Where can I find Cention's office?"
name: "John Smith",
});
`;
// Fix: the comma missing after the message line.
const connectSampleFixed = connectSample.replace(`office?"\n`, `office?",\n`);

const tryResumeSample = String.raw`
CentionChat.tryResume(function(msg) {
if (msg.error) {
// resume failed, show the chat form instead...
console.log("resume failed", msg.error);
$('StartView').show();
return;
}
$('ChatView').show();
});
`;

const messageSample = String.raw`
var sending = CentionChat.message("Hello! Are you there?");
`;

const attachFileSample = String.raw`
var fileInput = document.getElementById('ChatViewSendFileButton');
if(fileInput.files.length > 0){
for (var i = 0; i < fileInput.files.length; i++) {
CentionChat.attachFile(
fileInput.files[i], /*the file object*/
function(um){ /*the callback function cbOnDone*/
// value 'um' is an [Unsent message object],
// handle similar to CentionChat.message() API above
});
}
}
`;

const previewSample = String.raw`
CentionChat.preview("Hello! Are y");
`;

const canChatSample = String.raw`
CentionChat.canChat(function(o) {
if (o.error) {
// It is not possible to start a chat
return;
}
if (!o.chatOpen) {
// Chat is not open (outside of working hours)
return;
}
if (o.agentsAvailable <= 0) {
// No agents available
return
}
if(o.resumable) {
resume: true,
area: -1,
callback: function(msg) {
if(msg.sessionId) {
// Show current chat
}else {
// Show chat start view
}
}
}
if(o.feature) {
//Features included to be used if necessary
var sendAttacmentAllowed = o.feature["chat.attachment"];
var externalSourcePage = o.feature["chat.external-source-page"];
var maxAttachmentSize = o.feature["chat.max-attachment-size"];
var maxImageSize = o.feature["chat.max-image-size"];
}
// It is possible to start a chat
}, CentionAreaId);
`;
// Fix: the "resume" object literal written as a block becomes the tryResume call it describes.
const canChatSampleFixed = canChatSample.replace(
  /resume: true,\narea: -1,\ncallback: function\(msg\) \{([\s\S]*?)\n\}\n\}/,
  'CentionChat.tryResume(function(msg) {$1\n}\n});',
);

const saveSample = String.raw`
$('#CentionChatSaveButton').on('click', function() {
var url = CentionChat.baseURL
+ "/socket/external.api/savehistory?area="+ CentionAreaId
+ "&secret=" + CentionChat.sessionSecret
;
window.open(url, '_self');
});
`;

const printSample = String.raw`
$('#CentionChatPrintButton').on('click', function() {
var url = CentionChat.baseURL
+ "/socket/external.api/printhistory?area=" + CentionAreaId
+"&secret=" + CentionChat.sessionSecret
;
var popup = window.open(url, 'window', 'width=640,height=480,scrollbars=yes,status=no');
if( window.focus ) {
popup.focus();
}
});
`;

const finishSample = String.raw`
$('#CentionChatFinishButton').on('click', function() {
// CentionChat.close() function close chat connection between user and agent.
CentionChat.close();
});
`;

/**
 * One "page" of an integrator's site: a global scope for the samples (their `var`s live here), a
 * jQuery-like `$` that records `.on('click')` handlers and `.show()` calls, a `window.open` spy
 * and a `console.log` recorder. Everything else resolves to the real globals.
 */
class SamplePage {
  readonly logs: unknown[][] = [];
  readonly shown: string[] = [];
  readonly clicks = new Map<string, () => void>();
  readonly opened: { args: string[]; focused: boolean }[] = [];
  readonly scope: Record<string, unknown>;

  constructor() {
    const windowSpy = {
      open: (...args: string[]) => {
        const entry = { args, focused: false };
        this.opened.push(entry);
        return { focus: () => (entry.focused = true) };
      },
      focus: () => {},
    };
    const globals: Record<string, unknown> = {
      _CentionChat: window._CentionChat,
      window: windowSpy,
      console: { log: (...args: unknown[]) => this.logs.push(args) },
      $: (selector: string) => ({
        on: (_event: string, handler: () => void) => this.clicks.set(selector, handler),
        show: () => this.shown.push(selector),
      }),
    };
    this.scope = new Proxy(globals, {
      has: (_target, key) => key !== Symbol.unscopables,
      get: (target, key) =>
        typeof key === 'string' && key in target ? target[key] : Reflect.get(globalThis, key),
      set: (target, key, value) => {
        if (typeof key === 'string') target[key] = value;
        return true;
      },
    });
  }

  /** Runs sample code as a classic (sloppy-mode) script of this page. */
  run(code: string): void {
    // `with` (sloppy mode only) makes the proxy the scope of every name the sample uses.
    new Function('scope', `with (scope) {\n${code}\n}`)(this.scope);
  }

  get chat(): CentionChat {
    return this.scope.CentionChat as CentionChat;
  }

  click(selector: string): void {
    const handler = this.clicks.get(selector);
    if (!handler) throw new Error(`no click handler on ${selector}`);
    handler();
  }
}

describe('chat-api.txt samples, as written', () => {
  let server: FakeServer;
  const pages: SamplePage[] = [];

  before(() => {
    // What the embed entry (src/embed.ts) does.
    window._CentionChat ??= createCentionChat;
  });

  beforeEach(async () => {
    clearClientStorage();
    server = await startFakeServer({
      canChat: { chatOpen: true, agentsAvailable: 2 },
    });
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) page.chat.resetChat();
    document.getElementById('ChatViewSendFileButton')?.remove();
    await server.stop();
  });

  function newPage(): SamplePage {
    const page = new SamplePage();
    pages.push(page);
    page.run(setupSample);
    // The samples use Cention's cloud; this site's server is the fake one.
    expect(page.chat.baseURL).to.equal('https://cloud.cention.com/s/demo');
    page.chat.baseURL = server.baseURL;
    return page;
  }

  it('two samples do not parse as printed', () => {
    expect(() => new Function(connectSample)).to.throw(SyntaxError);
    expect(() => new Function(canChatSample)).to.throw(SyntaxError);
    expect(() => new Function(connectSampleFixed)).to.not.throw();
    expect(() => new Function(canChatSampleFixed)).to.not.throw();
  });

  it('run through a whole chat: setup, I, handlers, canChat, connect, message, preview, attachFile, transcripts', async () => {
    const page = newPage();
    page.run(translationSample);
    expect(page.chat.I('{AGENT_NAME} has left the chat.')).to.equal(
      '{AGENT_NAME} has left the chat.',
    );
    page.run(messageAckedSample);
    page.run(chatMessageSample);

    page.run(canChatSampleFixed);
    await waitFor(async () => (await server.httpRequests()).length === 1, 'canchat');
    expect((await server.httpRequests())[0]?.query.area).to.equal('2');

    page.run(connectSampleFixed);
    const [register] = await server.waitForFrames('register');
    expect(register?.data).to.include({
      area: 1,
      email: 'john.smith@gmail.com',
      message: "Hello! Where can I find Cention's office?",
      name: 'John Smith',
    });
    await waitFor(() => page.logs.some(([label]) => label === 'Chat message received'), 'log');
    await waitFor(() => page.chat.status.connection === 'connected', 'connected');

    page.run(messageSample);
    const sending = page.scope.sending as { id: string; message: string };
    expect(sending.message).to.equal('Hello! Are you there?');
    const [chatFrame] = await server.waitForFrames('chat message');
    expect(chatFrame?.data).to.include({ umid: sending.id, message: 'Hello! Are you there?' });

    page.run(previewSample);
    const [preview] = await server.waitForFrames('preview');
    expect(preview?.data).to.deep.equal({ text: 'Hello! Are y' });

    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'ChatViewSendFileButton';
    const files = new DataTransfer();
    files.items.add(new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    input.files = files.files;
    document.body.append(input);
    page.run(attachFileSample);
    const [attachment] = await server.waitForFrames('add attachment');
    expect(attachment?.data?.file).to.include({ value: 'hello.txt' });

    await server.emit('message acked', { ids: [2] });
    await waitFor(() => page.logs.some(([label]) => label === 'messages received by agent'), 'ack');
    expect(page.logs.find(([label]) => label === 'messages received by agent')?.[1]).to.deep.equal([
      2,
    ]);

    page.run(saveSample);
    page.run(printSample);
    page.click('#CentionChatSaveButton');
    page.click('#CentionChatPrintButton');
    const secret = page.chat.sessionSecret ?? '';
    expect(secret).to.not.equal('');
    expect(page.opened.map((entry) => entry.args)).to.deep.equal([
      [`${server.baseURL}/socket/external.api/savehistory?area=2&secret=${secret}`, '_self'],
      [
        `${server.baseURL}/socket/external.api/printhistory?area=2&secret=${secret}`,
        'window',
        'width=640,height=480,scrollbars=yes,status=no',
      ],
    ]);
    expect(page.opened[1]?.focused).to.equal(true);
    const transcript = await (await fetch(page.opened[0]?.args[0] ?? '')).text();
    expect(transcript).to.contain('Hello! Are you there?');
  });

  it('tryResume on the next page shows the chat, Finish closes it, and the page after shows the form', async () => {
    const first = newPage();
    first.run(connectSampleFixed);
    await waitFor(() => first.chat.status.connection === 'connected', 'connected');
    first.chat.disconnect(); // the visitor follows a link

    const second = newPage();
    second.run(tryResumeSample);
    await waitFor(() => second.shown.length > 0, 'a view shown');
    expect(second.shown).to.deep.equal(['ChatView']);

    second.run(finishSample);
    second.click('#CentionChatFinishButton');
    await waitFor(async () => (await server.sessions())[0]?.closed === true, 'chat closed');

    const third = newPage();
    third.run(tryResumeSample);
    await waitFor(() => third.shown.length > 0, 'a view shown');
    expect(third.shown).to.deep.equal(['StartView']);
    expect(third.logs[0]?.[0]).to.equal('resume failed');
  });
});
