/**
 * A frame the agent console receives, before it is narrowed to one of `AgentServerEvents`.
 */
export interface ServerEvent {
  event: string;
  args: unknown[];
  re?: number;
}
