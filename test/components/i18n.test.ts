/**
 * Counts and sizes in the widget's languages: plural forms picked by `Intl.PluralRules`, sizes
 * written by `Intl.NumberFormat`, and the launcher's unread label that uses them.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import type { CentionChatElement } from '../../src/embed.js';
import '../../src/embed.js';
import { formatFileSize } from '../../src/i18n/file-size.js';
import { pluralText } from '../../src/i18n/plural.js';
import { shadow } from './helpers.js';

afterEach(() => fixtureCleanup());

describe('plural forms and sizes', () => {
  it('picks the plural form of the language, with {COUNT} filled in', () => {
    const text = { one: '{COUNT} file', other: '{COUNT} files' };
    expect(pluralText('en', text, 1)).to.equal('1 file');
    expect(pluralText('en', text, 0)).to.equal('0 files');
    expect(pluralText('en', text, 2)).to.equal('2 files');
    expect(pluralText('sv', { other: '{COUNT} fält' }, 1), 'other serves every count').to.equal(
      '1 fält',
    );
  });

  it('writes file sizes with the language’s units and decimal mark', () => {
    expect(formatFileSize('en', 900 * 1024)).to.equal('900 kB');
    expect(formatFileSize('en', 500), 'rounded up to a whole kilobyte').to.equal('1 kB');
    expect(formatFileSize('en', 1.5 * 1024 * 1024)).to.equal('1.5 MB');
    expect(formatFileSize('en', 2 * 1024 * 1024)).to.equal('2 MB');
    expect(formatFileSize('sv', 900 * 1024)).to.equal('900 kB');
    expect(formatFileSize('sv', 1.5 * 1024 * 1024)).to.equal('1,5 MB');
  });
});

describe('the launcher’s unread label', () => {
  /** The launcher's label after the panel reported `count` unread messages. */
  async function labelWithUnread(lang: string, count: number): Promise<string | null> {
    const el = await fixture<CentionChatElement>(
      // No base-url: the launcher alone, nothing loads and nothing connects.
      `<cention-chat lang="${lang}"></cention-chat>`,
    );
    shadow(el)
      .querySelector('[part="panel"]')
      ?.dispatchEvent(new CustomEvent('cention-unread-change', { detail: { count } }));
    return shadow(el).querySelector('[part="launcher"]')?.getAttribute('aria-label') ?? null;
  }

  for (const [lang, count, label] of [
    ['en', 1, 'Open chat, 1 unread message'],
    ['en', 2, 'Open chat, 2 unread messages'],
    ['sv-SE', 1, 'Öppna chatten, 1 oläst meddelande'],
    ['sv-SE', 2, 'Öppna chatten, 2 olästa meddelanden'],
  ] as const) {
    it(`reads "${label}" (${lang})`, async () => {
      expect(await labelWithUnread(lang, count)).to.equal(label);
    });
  }

  it('has no count while nothing is unread', async () => {
    expect(await labelWithUnread('en', 0)).to.equal('Open chat');
  });
});
