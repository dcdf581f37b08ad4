/** Chromium flags every test runner passes (no background networking on this closed network). */
export declare const chromiumFlags: string[];
/** CHROME_PATH or /usr/bin/chromium; throws with an install hint when neither exists. */
export declare function chromiumPath(): string;
