import { expect } from '@open-wc/testing';
import type { CentionChat } from '../../src/client/centionchat.js';
import type { HistoryPage } from '../../src/protocol/index.js';
import type { FakeServer } from '../support/fake-server-client.js';
import {
  connectVisitor,
  deliveredTexts,
  EventLog,
  startClientAgainstFakeServer,
  stopClientAgainstFakeServer,
  testClient,
  visitor,
  waitFor,
} from './helpers.js';

describe('CentionChat history in pages', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;
  let later: CentionChat | undefined;

  beforeEach(async () => {
    ({ server, chat, log } = await startClientAgainstFakeServer());
    await connectVisitor({ chat, log });
    for (let n = 1; n <= 12; n++) await server.pushMessage(`answer ${n}`);
    await waitFor(() => deliveredTexts(log).includes('answer 12'), 'all 12 answers');
    // The page is left: the session stays in sessionStorage for the next one.
    chat.disconnect();
  });

  afterEach(async () => {
    later?.resetChat();
    later = undefined;
    await stopClientAgainstFakeServer({ server, chat });
  });

  /** The next page load's client: resumes the stored session. */
  async function nextPage(options: Parameters<typeof testClient>[1] = {}) {
    const client = testClient(server.baseURL, options);
    later = client;
    const pages: HistoryPage[] = [];
    client.registerAction('history', (page) => pages.push(page));
    const events = new EventLog(client);
    await new Promise((resolve) => client.tryResume(resolve));
    await events.waitFor('chat message');
    return { client, events, pages };
  }

  it('resumes with the newest page only, then loads older pages by cursor until the first message', async () => {
    await server.clearLogs();
    const { client, events, pages } = await nextPage({ historyPageSize: 5 });
    const [resume] = await server.framesOfType('resume');
    expect(resume?.data).to.include({ historyLimit: 5 });
    expect(deliveredTexts(events)).to.deep.equal([8, 9, 10, 11, 12].map((n) => `answer ${n}`));
    expect(client.hasOlder).to.equal(true);

    expect(client.loadOlder()).to.equal(true);
    // One request at a time: a second call while the first is on its way asks nothing.
    expect(client.loadOlder()).to.equal(false);
    await waitFor(() => pages.length === 1, 'first older page');
    expect(pages[0]?.messages.map((message) => message.text)).to.deep.equal(
      [3, 4, 5, 6, 7].map((n) => `answer ${n}`),
    );
    expect(client.loadOlder()).to.equal(true);
    await waitFor(() => pages.length === 2, 'second older page');
    expect(pages[1]?.messages.map((message) => message.text)).to.deep.equal([
      visitor.message,
      'answer 1',
      'answer 2',
    ]);
    expect(pages[1]?.hasMore).to.equal(false);
    expect(client.hasOlder).to.equal(false);
    expect(client.loadOlder()).to.equal(false);
    const cursors = (await server.framesOfType('history')).map((frame) => frame.data?.before);
    expect(cursors).to.deep.equal([
      events.of('chat message')[0]?.[0].chat[0]?.id,
      pages[0]?.messages[0]?.id,
    ]);
    // Older pages are history, never news: `chat message` heard only the newest page.
    expect(events.of('chat message')).to.have.length(1);
  });

  it('exactly-once across a reconnect while older pages are loaded: the backfill asks after lastSeenId', async () => {
    const { client, events, pages } = await nextPage({ historyPageSize: 5 });
    client.loadOlder();
    await waitFor(() => pages.length === 1, 'older page');
    await server.clearLogs();
    await server.drop();
    await server.pushMessage('while away');
    await waitFor(() => deliveredTexts(events).includes('while away'), 'backfill');
    const [resume] = await server.framesOfType('resume');
    expect(resume?.data).to.not.have.property('historyLimit');
    expect(resume?.data?.lastSeenId).to.be.a('number');
    const texts = deliveredTexts(events);
    expect(new Set(texts).size).to.equal(texts.length, 'no message delivered twice');
    expect(texts.at(-1)).to.equal('while away');
    // Paging still goes on from where it was.
    expect(client.hasOlder).to.equal(true);
    expect(client.loadOlder()).to.equal(true);
    await waitFor(() => pages.length === 2, 'next older page');
    expect(pages[1]?.messages.map((message) => message.text)[0]).to.equal(visitor.message);
  });

  it('a classic client (no historyPageSize) resumes with the whole chat and asks no history', async () => {
    await server.clearLogs();
    const { client, events } = await nextPage();
    const [resume] = await server.framesOfType('resume');
    expect(resume?.data).to.not.have.property('historyLimit');
    expect(deliveredTexts(events)).to.have.length(13);
    expect(client.hasOlder).to.equal(false);
    expect(client.loadOlder()).to.equal(false);
    expect(await server.framesOfType('history')).to.have.length(0);
  });
});
