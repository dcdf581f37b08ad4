/**
 * Names as people see them — a visitor's name, a file's name — must not lie about direction or
 * be invisible: `\u202Eecila (tnega)` would show as "(agent) alice", `invoice\u202Egnp.exe` as
 * "invoiceexe.png", and a name of zero-width spaces as nothing at all. The server neutralises them
 * once, where they come in, so the console, the widget and the transcripts all get safe text.
 */

/** Bidirectional embeddings, overrides and isolates, and the direction marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** What renders as nothing: spaces, zero-width characters, other format characters. */
const INVISIBLE = /^[\s\p{Cf}\u115F\u1160\u3164\uFFA0]*$/u;

/** The name without direction controls; undefined when nothing visible is left. */
export function neutralName(name: string): string | undefined {
  const neutral = name.replace(BIDI_CONTROLS, '').trim();
  return INVISIBLE.test(neutral) ? undefined : neutral;
}
