/**
 * What the start form may show of a signed visitor token before the chat starts: the `name` and
 * `email` claims, read (not verified: the secret never reaches the browser) so the form can skip
 * those fields. The server verifies the token at `register` and uses its claims, whatever the page
 * shows; a refused token brings the full form back (chat-controller.ts).
 */
export interface VisitorClaims {
  name: string;
  email: string;
}

/** The token's `name` and `email` ('' when absent), or undefined for what is not a JWT. */
export function readVisitorClaims(token: string): VisitorClaims | undefined {
  try {
    const part = token.split('.')[1] ?? '';
    const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
      c.charCodeAt(0),
    );
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { name, email } = claims as Record<string, unknown>;
    return { name: text(name), email: text(email) };
  } catch {
    return undefined;
  }
}
