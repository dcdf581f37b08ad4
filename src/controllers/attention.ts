/**
 * Getting the visitor's attention while they are not looking at the chat (the page is hidden or
 * the panel minimised): the tab title shows the unread count, "(1) New message · Page title",
 * and, where the site asked for it (`sound`), a short tone plays. The panel hands every change of
 * its unread count (the chat controller's `cention-unread-change`) to `attend`, loading this file
 * the first time the count is above 0, so a chat that is watched never pays for it.
 *
 * The title belongs to the page, so it is shared: every widget on the page (two elements, or two
 * copies of the script) registers its count in one registry on `globalThis`, and the title shows
 * their sum. The page's own title is restored when the sum is 0 again; when the page changes its
 * title meanwhile (an SPA navigating), that new title is the one kept and restored.
 */
import { laterStringsFor } from '../i18n/later.js';
import { pluralText } from '../i18n/plural.js';

/** What a widget tells the registry: its unread count, and the language to say it in. */
interface AttentionSource {
  count: number;
  /** The widget's string table's `locale` ("en", "sv"). */
  locale: string;
}

interface TitleRegistry {
  sources: Map<object, AttentionSource>;
  /** The page's own title, while ours is shown. */
  pageTitle: string | undefined;
  /** The title we set last, to notice the page setting its own. */
  shownTitle: string | undefined;
}

// A well-known symbol: two copies of the widget's script on one page find the same registry.
const REGISTRY_KEY = Symbol.for('cention-chat.title-attention');

function registry(): TitleRegistry {
  const holder = globalThis as typeof globalThis & { [REGISTRY_KEY]?: TitleRegistry };
  holder[REGISTRY_KEY] ??= { sources: new Map(), pageTitle: undefined, shownTitle: undefined };
  return holder[REGISTRY_KEY];
}

/** Writes the title for the registry's current sum (or gives the page its own title back). */
function renderTitle(): void {
  const state = registry();
  // The page set a title while ours was shown: that one is the page's title now.
  if (state.shownTitle !== undefined && document.title !== state.shownTitle) {
    state.pageTitle = document.title;
  }
  let total = 0;
  let latest: AttentionSource | undefined;
  for (const source of state.sources.values()) {
    total += source.count;
    if (source.count > 0) latest = source;
  }
  if (total === 0 || !latest) {
    if (state.pageTitle !== undefined && state.shownTitle !== undefined) {
      if (document.title === state.shownTitle) document.title = state.pageTitle;
    }
    state.pageTitle = undefined;
    state.shownTitle = undefined;
    return;
  }
  state.pageTitle ??= document.title;
  const strings = laterStringsFor(latest.locale);
  const title = pluralText(strings.locale, strings.titleUnread, total).replace(
    '{TITLE}',
    state.pageTitle,
  );
  state.shownTitle = title;
  document.title = title;
}

/** Sets this widget's unread count in the shared title (0 takes it out). */
export function setTitleCount(owner: object, source: AttentionSource): void {
  const state = registry();
  if (source.count > 0) state.sources.set(owner, source);
  else state.sources.delete(owner);
  renderTitle();
}

/** The tone: two short sine notes, quiet, generated (no audio file to fetch or to allow in CSP). */
const NOTES_HZ = [880, 1320];
const NOTE_SECONDS = 0.09;
const VOLUME = 0.08;

let audio: AudioContext | undefined;

/**
 * Whether a tone may play: only after the visitor has interacted with the page (the browsers'
 * autoplay rule; without a gesture an AudioContext stays suspended anyway, and we do not even
 * make one), and not when the visitor asked for reduced motion: we read that wish as "fewer
 * interruptions" and stay quiet.
 */
function mayPlay(): boolean {
  if (typeof AudioContext === 'undefined') return false;
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return false;
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } })
    .userActivation;
  return activation?.hasBeenActive ?? false;
}

/** Plays the new-message tone; returns whether it played. */
export async function playTone(): Promise<boolean> {
  if (!mayPlay()) return false;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') await audio.resume().catch(() => undefined);
  if (audio.state !== 'running') return false;
  const start = audio.currentTime;
  NOTES_HZ.forEach((frequency, index) => {
    const context = audio as AudioContext;
    const oscillator = new OscillatorNode(context, { type: 'sine', frequency });
    const gain = new GainNode(context, { gain: 0 });
    const at = start + index * NOTE_SECONDS;
    // A short ramp in and out: a hard start or stop clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + 0.01);
    gain.gain.linearRampToValueAtTime(0, at + NOTE_SECONDS);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + NOTE_SECONDS);
  });
  return true;
}

/**
 * What the panel calls with its unread count whenever it changes: the title follows, and a tone
 * plays when the count rose and the site asked for one (`sound`).
 */
export function attend(owner: object, count: number, locale: string, hasSound: boolean): void {
  const previous = registry().sources.get(owner)?.count ?? 0;
  setTitleCount(owner, { count, locale });
  if (count > previous && hasSound) void playTone();
}
