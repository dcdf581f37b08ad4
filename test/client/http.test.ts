import { expect } from '@open-wc/testing';
import type { CentionChat } from '../../src/client/centionchat.js';
import { CentionChatError } from '../../src/client/errors.js';
import type { CanChatResult } from '../../src/client/types.js';
import { parseSystemItem } from '../../src/client/system-items.js';
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

function canChat(chat: CentionChat, area = 2): Promise<CanChatResult> {
  return new Promise((resolve) => chat.canChat(resolve, area));
}

function fileOf(size: number, name: string, type: string): File {
  return new File([new Uint8Array(size).fill(65)], name, { type });
}

describe('CentionChat canChat and transcript URLs', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;

  beforeEach(async () => {
    ({ server, chat, log } = await startClientAgainstFakeServer());
  });

  afterEach(() => stopClientAgainstFakeServer({ server, chat }));

  it('passes the server answer for the area to the handler', async () => {
    await server.setCanChat({ chatOpen: false, agentsAvailable: 0, openingHours: 'Mo-Fr 8-17' });
    const result = await canChat(chat, 7);
    expect(result).to.include({ chatOpen: false, agentsAvailable: 0, resumable: false });
    expect(result.openingHours).to.equal('Mo-Fr 8-17');
    expect(result.error).to.equal(undefined);
    expect(result.feature?.['chat.attachment']).to.equal(true);
    const [request] = await server.httpRequests();
    expect(request).to.deep.include({ method: 'GET', path: '/socket/external.api/canchat' });
    expect(request?.query).to.deep.equal({ area: '7' });
  });

  it('is resumable once a chat is stored, and sends the session with the request', async () => {
    await connectVisitor({ chat, log });
    const result = await canChat(chat);
    expect(result.resumable).to.equal(true);
    const requests = await server.httpRequests();
    expect(requests[0]?.query).to.deep.equal({
      area: '2',
      sessionId: String(chat.sessionId),
      secret: chat.sessionSecret,
    });
  });

  it('gives an error string when the server cannot be reached or refuses', async () => {
    const unreachable = testClient('http://127.0.0.1:9/s/demo');
    const result = await canChat(unreachable);
    expect(result).to.include({ chatOpen: false, agentsAvailable: 0, resumable: false });
    expect(result.error).to.be.a('string').and.have.length.greaterThan(0);

    await server.setCanChat({ error: 'Area 99 does not exist' });
    expect((await canChat(chat, 99)).error).to.equal('Area 99 does not exist');
  });

  it('builds the save and print transcript URLs exactly as the Chat API does', async () => {
    await connectVisitor({ chat, log });
    const secret = chat.sessionSecret ?? '';
    expect(chat.saveTranscriptURL(2)).to.equal(
      server.baseURL + '/socket/external.api/savehistory?area=2&secret=' + secret,
    );
    expect(chat.printTranscriptURL(2)).to.equal(
      server.baseURL + '/socket/external.api/printhistory?area=2&secret=' + secret,
    );
    const transcript = await (await fetch(chat.saveTranscriptURL(2))).text();
    expect(transcript).to.contain(visitor.message);
  });
});

describe('CentionChat attachFile', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;
  let errors: CentionChatError[];

  beforeEach(async () => {
    errors = [];
    ({ server, chat, log } = await startClientAgainstFakeServer({
      server: {
        canChat: {
          feature: {
            'chat.attachment': true,
            'chat.max-attachment-size': 2000,
            'chat.max-image-size': 1000,
          },
        },
      },
    }));
    await connectVisitor({ chat, log });
    await canChat(chat);
  });

  afterEach(() => stopClientAgainstFakeServer({ server, chat }));

  const onError = (error: CentionChatError) => errors.push(error);
  const uploads = async () =>
    (await server.httpRequests()).filter((request) => request.path.endsWith('/upload'));

  it('uploads, reports progress, sends add attachment and calls cbOnDone', async () => {
    const progress: number[] = [];
    const done: unknown[] = [];
    const unsent = await chat.attachFile(
      fileOf(1500, 'invoice.pdf', 'application/pdf'),
      (um) => done.push(um),
      { onProgress: (fraction) => progress.push(fraction), onError },
    );
    expect(errors).to.have.length(0);
    expect(unsent?.message).to.equal('invoice.pdf');
    expect(done).to.deep.equal([unsent]);
    expect(progress.at(-1)).to.equal(1);
    const [frame] = await server.waitForFrames('add attachment');
    expect(frame?.data?.file).to.include({ value: 'invoice.pdf', size: 1500 });

    await waitFor(() => deliveredTexts(log).length === 2, 'file message');
    const item = parseSystemItem(deliveredTexts(log)[1] ?? '');
    expect(item).to.include({ event: 'FILE_UPLOAD', fileName: 'invoice.pdf' });
    if (item?.event !== 'FILE_UPLOAD') throw new Error('not a file item');
    const downloaded = await fetch(`${item.fileDownload}?t=${chat.sessionSecret}`);
    expect((await downloaded.arrayBuffer()).byteLength).to.equal(1500);
  });

  it('refuses a file over chat.max-attachment-size before uploading', async () => {
    const done: unknown[] = [];
    const unsent = await chat.attachFile(
      fileOf(2001, 'big.zip', 'application/zip'),
      (um) => done.push(um),
      { onError },
    );
    expect(unsent).to.equal(undefined);
    expect(done).to.have.length(0);
    expect(errors.map((error) => error.code)).to.deep.equal(['too_large']);
    expect(errors[0]?.message).to.contain('big.zip');
    expect(await uploads()).to.have.length(0);
  });

  it('refuses an image over chat.max-image-size, while other files of that size pass', async () => {
    await chat.attachFile(fileOf(1200, 'photo.png', 'image/png'), () => {}, { onError });
    expect(errors.map((error) => error.code)).to.deep.equal(['too_large']);
    expect(await uploads()).to.have.length(0);
    const unsent = await chat.attachFile(fileOf(1200, 'notes.txt', 'text/plain'), () => {}, {
      onError,
    });
    expect(unsent?.message).to.equal('notes.txt');
    expect(await uploads()).to.have.length(1);
  });

  it('refuses every file when the area has attachments off', async () => {
    await server.setCanChat({ feature: { 'chat.attachment': false } });
    await canChat(chat);
    await chat.attachFile(fileOf(10, 'a.txt', 'text/plain'), () => {}, { onError });
    expect(errors.map((error) => error.code)).to.deep.equal(['attachments_disabled']);
    expect(await uploads()).to.have.length(0);
  });

  it('reports the server refusal code and sends nothing', async () => {
    await server.setUploadAnswer({
      status: 415,
      body: { error: { code: 'bad_type', message: 'Executables are not allowed' } },
    });
    const unsent = await chat.attachFile(
      fileOf(10, 'run.exe', 'application/x-msdownload'),
      () => {},
      {
        onError,
      },
    );
    expect(unsent).to.equal(undefined);
    expect(errors.map(({ code, message }) => ({ code, message }))).to.deep.equal([
      { code: 'bad_type', message: 'Executables are not allowed' },
    ]);
    expect(await server.framesOfType('add attachment')).to.have.length(0);
  });

  it('reports each refusal as a CentionChatError with its protocol code', async () => {
    await chat.attachFile(fileOf(2001, 'big.zip', 'application/zip'), () => {}, { onError });
    await server.setUploadAnswer({ status: 500, body: 'not json' });
    await chat.attachFile(fileOf(10, 'a.txt', 'text/plain'), () => {}, { onError });
    await server.setUploadAnswer({ status: 413, body: { error: { code: 'too_large' } } });
    await chat.attachFile(fileOf(10, 'b.txt', 'text/plain'), () => {}, { onError });
    await server.setCanChat({ feature: { 'chat.attachment': false } });
    await canChat(chat);
    await chat.attachFile(fileOf(10, 'c.txt', 'text/plain'), () => {}, { onError });
    expect(errors.map((error) => error.code)).to.deep.equal([
      'too_large',
      'upload_failed',
      'too_large',
      'attachments_disabled',
    ]);
    for (const error of errors) {
      expect(error).to.be.instanceOf(CentionChatError).and.instanceOf(Error);
      expect(error.name).to.equal('CentionChatError');
      expect(error.message).to.be.a('string').and.have.length.greaterThan(0);
    }
    expect(errors[1]?.message).to.equal('The upload failed (500).');
    expect(errors[2]?.message, 'no message from the server').to.equal('The upload failed (413).');
  });

  it('refuses with not_connected when the chat is not connected', async () => {
    chat.disconnect();
    await chat.attachFile(fileOf(10, 'a.txt', 'text/plain'), () => {}, { onError });
    expect(errors.map((error) => error.code)).to.deep.equal(['not_connected']);
    expect(errors[0]).to.be.instanceOf(CentionChatError);
    expect(await uploads()).to.have.length(0);
  });
});
