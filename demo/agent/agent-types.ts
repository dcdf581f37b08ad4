/**
 * What the agent console receives on `/socket/agent` (docs/protocol-notes.md, "Agent console").
 */
export type Sender = 'CLIENT' | 'AGENT' | 'SYSTEM';

export interface AgentMessage {
  id: number;
  umid: string;
  sender: Sender;
  sent: number;
  sentHuman: string;
  text: string;
  agent?: string;
  internal: boolean;
  acked: boolean;
  delivered: boolean;
  seen: boolean;
}

export interface ChatSnapshot {
  sessionId: number;
  areaId: number;
  areaName: string;
  status: string;
  client: {
    name: string;
    email: string;
    phone: string;
    href: string;
    externalData: string;
    deviceInfo: string;
  };
  agents: string[];
  messages: AgentMessage[];
  postbacks: { title: string; data: string }[];
  createdAt: number;
}

export interface QueueEntry {
  sessionId: number;
  areaId: number;
  clientName: string;
  firstMessage: string;
  waitingSince: number;
}

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
