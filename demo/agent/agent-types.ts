/**
 * What the agent console receives on `/socket/agent` (docs/protocol-notes.md, "Agent console"),
 * besides the chat shapes it shares with the server (../shared/agent-protocol.ts).
 */
export interface AreaInfo {
  id: number;
  name: string;
  open: boolean;
}

export interface AgentPresence {
  name: string;
  online: boolean;
}

export interface LoginResult {
  name: string;
  token: string;
  areas: AreaInfo[];
  agents: AgentPresence[];
}

export interface ServerEvent {
  event: string;
  args: unknown[];
  re?: number;
}
