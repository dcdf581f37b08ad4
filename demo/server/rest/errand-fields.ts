/** Limits of an errand's fields, shared by the visitor form route, the REST API and the widget. */

export const MAX_NAME = 100;
export const MAX_EMAIL = 254;
export const MAX_SUBJECT = 200;
export const MAX_ERRAND_MESSAGE = 4000;
export const MAX_REPLY = 8000;
/** One "@", something on both sides, a dot in the domain: the start form's check, as a pattern. */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
