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
