/**
 * File sizes as people of a language read them ("900 kB", "1,5 MB" in Swedish), through
 * `Intl.NumberFormat`'s units instead of hand-written unit names, so every language gets its own
 * decimal mark and spacing. The widget's texts and the client's English error messages both use it.
 */

const MEGABYTE = 1024 * 1024;

/**
 * Whole kilobytes (rounded up) below a megabyte, megabytes with at most one decimal above.
 * `locale` is a language the widget ships ("en", "sv"), so `Intl` never sees a malformed tag.
 */
export function formatFileSize(locale: string, bytes: number): string {
  const isMegabytes = bytes >= MEGABYTE;
  // Number#toLocaleString is Intl.NumberFormat (ECMA-402), in fewer bytes.
  return (isMegabytes ? bytes / MEGABYTE : Math.ceil(bytes / 1024)).toLocaleString(locale, {
    style: 'unit',
    unit: isMegabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  });
}
