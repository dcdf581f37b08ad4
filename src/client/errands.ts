/**
 * Leaving a message when nobody can chat: `POST <base-url>/api/errands` (docs/protocol-notes.md,
 * "Leave a message"). Plain TypeScript like the rest of the client; only the lazily loaded
 * leave-a-message view imports it, so it costs an ordinary chat nothing.
 */

export interface LeftMessage {
  area: number;
  name: string;
  email: string;
  message: string;
}

export type LeaveMessageResult =
  { ok: true; id: number } | { ok: false; code: string; message: string };

export async function leaveMessage(
  baseUrl: string,
  left: LeftMessage,
): Promise<LeaveMessageResult> {
  try {
    const response = await fetch(`${baseUrl.replace(/\/$/, '')}/api/errands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(left),
    });
    const body = (await response.json().catch(() => ({}))) as {
      id?: number;
      error?: { code?: string; message?: string };
    };
    if (response.ok && typeof body.id === 'number') return { ok: true, id: body.id };
    return {
      ok: false,
      code: body.error?.code ?? 'server_error',
      message: body.error?.message ?? `HTTP ${response.status}`,
    };
  } catch (error) {
    return { ok: false, code: 'network', message: (error as Error).message };
  }
}
