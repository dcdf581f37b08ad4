/**
 * The robots the engine knows: which hook answers an area's new chats, and under which user name a
 * robot last wrote in each chat (the `agent` a visitor sees while the robot owns the chat).
 */
import type { AreaConfig } from '../config.js';
import type { RobotChat, RobotHook } from '../robot-hook.js';
import type { SessionRecord } from '../store.js';

export class Robots {
  private readonly hooks = new Map<string, RobotHook>();
  private readonly users = new Map<number, string>();

  register(name: string, hook: RobotHook): void {
    this.hooks.set(name, hook);
  }

  /** The robot that takes the area's new chats, when its config names one that is registered. */
  robotOf(area: AreaConfig): string | null {
    return area.robot && this.hooks.has(area.robot) ? area.robot : null;
  }

  hookOf(session: SessionRecord): RobotHook | undefined {
    return session.robot ? this.hooks.get(session.robot) : undefined;
  }

  userOf(sessionId: number): string | undefined {
    return this.users.get(sessionId);
  }

  setUser(sessionId: number, userName: string): void {
    this.users.set(sessionId, userName);
  }

  forgetUser(sessionId: number): void {
    this.users.delete(sessionId);
  }
}

/** What a robot learns about a chat. */
export function robotChatOf(session: SessionRecord): RobotChat {
  return {
    sessionId: session.id,
    areaId: session.areaId,
    client: { name: session.clientName, email: session.email },
    externalData: session.externalData,
  };
}
