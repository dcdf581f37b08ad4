/**
 * The check the start form and the leave-a-message form share: a name, an e-mail address that
 * looks like one, and a message. One place, so both forms refuse and accept the same input.
 */
import type { WidgetStrings } from '../../i18n/index.js';

// Deliberately loose: one "@", something on both sides, a dot in the domain. The server decides.
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ContactField = 'name' | 'email' | 'message';

/** Each field's error text; `messageRequired` is the form's own wording for an empty message. */
export function contactErrors(
  values: Record<ContactField, string>,
  strings: WidgetStrings,
  messageRequired: string,
): Partial<Record<ContactField, string>> {
  const errors: Partial<Record<ContactField, string>> = {};
  if (!values.name) errors.name = strings.nameRequired;
  if (!values.email) errors.email = strings.emailRequired;
  else if (!EMAIL_PATTERN.test(values.email)) errors.email = strings.emailInvalid;
  if (!values.message) errors.message = messageRequired;
  return errors;
}
