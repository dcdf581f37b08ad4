/**
 * HTTP answers of the visitor API (protocol.md §5). Type-only.
 */

/** Features an area offers, from `canchat`. */
export interface ChatFeatures {
  'chat.attachment'?: boolean;
  'chat.max-attachment-size'?: number;
  'chat.max-image-size'?: number;
  'chat.external-source-page'?: boolean;
  [feature: string]: boolean | number | string | undefined;
}

/** Opening hours of one weekday, "HH:MM" in the area's time zone. */
export interface OpeningHoursDay {
  day: string;
  open: string;
  close: string;
}

/** The answer of `GET canchat`. */
export interface CanChatResult {
  chatOpen: boolean;
  agentsAvailable: number;
  resumable: boolean;
  feature?: ChatFeatures;
  /** `"always"`, or one entry per open interval. */
  openingHours?: OpeningHoursDay[] | string;
  /** IANA time zone of `openingHours` (reference server), so a widget can show them in the visitor's. */
  timeZone?: string;
  /**
   * A robot answers new chats of the area first (the reference server's addition; absent from
   * servers that do not say): the start form tells the visitor so instead of promising an agent.
   */
  robotFirst?: boolean;
  error?: string;
}

/** The answer of `POST upload`; also the `file` of `add attachment`. */
export interface UploadResult {
  id: string | number;
  /** Absolute URL without the secret; add `?t=<sessionSecret>`. */
  download: string;
  /** The file name. */
  value: string;
  size: number;
  sizeHuman: string;
  mime: string;
}

/**
 * `POST rating` (JSON): the visitor rates a chat that has ended, once. `secret` is the session's
 * secret, which proves the sender is the chat's own visitor. Answered `{ok: true}`, or an error
 * (`bad_secret` 403, `chat_open` 409, `already_rated` 409, `bad_request` 400, `too_large` 413).
 */
export interface RatingRequest {
  sessionId: number;
  secret: string;
  /** 1 (poor) to 5 (excellent). */
  score: number;
  /** Optional free text, at most 1,000 characters. */
  comment?: string;
}

/** A stored rating, as agents (the console) and the `chat.ended` webhook see it. */
export interface ChatRating {
  score: number;
  /** "" when the visitor wrote none. */
  comment: string;
  /** Unix milliseconds. */
  ratedAt: number;
}
