import { expect } from '@open-wc/testing';
import { parseSystemItem, systemItemText, type SystemItem } from '../../src/client/system-items.js';

const item = (fields: Record<string, unknown>) => '\u0001' + JSON.stringify(fields);
const english = () => undefined;

describe('parseSystemItem', () => {
  it('parses every known item', () => {
    const cases: [string, SystemItem][] = [
      [
        item({
          event: 'FILE_UPLOAD',
          fileDownload: '/d/1',
          fileName: 'a.pdf',
          sizeHuman: '1 KB',
          mime: 'application/pdf',
        }),
        {
          event: 'FILE_UPLOAD',
          fileDownload: '/d/1',
          fileName: 'a.pdf',
          sizeHuman: '1 KB',
          mime: 'application/pdf',
        },
      ],
      [
        item({ event: 'AGENTS_ADDED', names: ['Ann', 'Bo'] }),
        { event: 'AGENTS_ADDED', names: ['Ann', 'Bo'] },
      ],
      [
        item({ event: 'AGENTS_REMOVED', names: 'Ann, Bo' }),
        { event: 'AGENTS_REMOVED', names: ['Ann', 'Bo'] },
      ],
      [item({ event: 'AGENT_LEFT', name: 'Bo' }), { event: 'AGENT_LEFT', name: 'Bo' }],
      [item({ event: 'CLIENT_ENDS_CHAT' }), { event: 'CLIENT_ENDS_CHAT' }],
      [item({ event: 'OWNER_ENDS_CHAT', name: 'Bo' }), { event: 'OWNER_ENDS_CHAT', name: 'Bo' }],
      [item({ event: 'CHAT_EXPIRED' }), { event: 'CHAT_EXPIRED' }],
      [
        item({
          event: 'TEMPLATE',
          template: {
            type: 'button',
            text: 'Pick one',
            buttons: [
              { type: 'url', title: 'Docs', url: 'https://example.com' },
              { type: 'postback', title: 'Agent', data: 'agent' },
            ],
          },
        }),
        {
          event: 'TEMPLATE',
          template: {
            type: 'button',
            text: 'Pick one',
            buttons: [
              { type: 'url', title: 'Docs', url: 'https://example.com' },
              { type: 'postback', title: 'Agent', data: 'agent' },
            ],
          },
        },
      ],
    ];
    for (const [text, expected] of cases) expect(parseSystemItem(text)).to.deep.equal(expected);
  });

  it('returns undefined for plain text, HTML, broken JSON, unknown events and bad fields', () => {
    for (const text of [
      'hello',
      '<b>\u0001</b>',
      '\u0001{broken',
      '\u0001[1]',
      item({ event: 'SOMETHING_NEW' }),
      item({ event: 'AGENT_LEFT' }),
      item({ event: 'FILE_UPLOAD', fileName: 'a' }),
      item({ event: 'TEMPLATE', template: { buttons: [{ type: 'call', title: 'x' }] } }),
    ]) {
      expect(parseSystemItem(text), text).to.equal(undefined);
    }
  });
});

describe('systemItemText', () => {
  it('gives the English texts of protocol.md §4 with names filled in', () => {
    const texts = [
      item({ event: 'FILE_UPLOAD', fileDownload: '/d', fileName: 'a', sizeHuman: '' }),
      item({ event: 'AGENTS_ADDED', names: ['Ann', 'Bo'] }),
      item({ event: 'AGENTS_REMOVED', names: ['Ann'] }),
      item({ event: 'AGENT_LEFT', name: 'Bo' }),
      item({ event: 'CLIENT_ENDS_CHAT' }),
      item({ event: 'OWNER_ENDS_CHAT', name: 'Cy' }),
      item({ event: 'CHAT_EXPIRED' }),
    ].map((text) => {
      const parsed = parseSystemItem(text);
      if (!parsed) throw new Error(`not parsed: ${text}`);
      return systemItemText(parsed, english, 'Ann Visitor');
    });
    expect(texts).to.deep.equal([
      'Ann Visitor attached a file.',
      'Agent(s) added: Ann, Bo',
      'Agent(s) removed: Ann',
      'Bo has left the chat.',
      'Client ended the chat.',
      'Cy ended the chat.',
      'This chat has expired.',
    ]);
  });

  it('translates through I, like the Chat API sample', () => {
    const translation: Record<string, string> = {
      '{AGENT_NAME} has left the chat.': '{AGENT_NAME} har lämnat chatten.',
    };
    const I = (text: string) => translation[text];
    expect(systemItemText({ event: 'AGENT_LEFT', name: 'Bo' }, I)).to.equal(
      'Bo har lämnat chatten.',
    );
    expect(systemItemText({ event: 'CHAT_EXPIRED' }, I)).to.equal('This chat has expired.');
    const throwing = () => {
      throw new Error('bad hook');
    };
    expect(systemItemText({ event: 'CHAT_EXPIRED' }, throwing)).to.equal('This chat has expired.');
  });

  it('gives a template its own text', () => {
    expect(
      systemItemText(
        { event: 'TEMPLATE', template: { type: 'button', text: 'Choose', buttons: [] } },
        english,
      ),
    ).to.equal('Choose');
  });
});
