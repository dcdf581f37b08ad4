/**
 * The reference server's configuration: areas (opening hours, queue, limits) and agents.
 * A config is plain data so it can live in a JSON file (`CONFIG_FILE`) or be built in a test.
 */
import { readFileSync } from 'node:fs';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** One open interval of a weekday, "HH:MM" in the area's time zone; `close` "24:00" = midnight. */
export interface OpeningInterval {
  open: string;
  close: string;
}

export interface AttachmentLimits {
  enabled: boolean;
  /** Largest file in bytes. */
  maxBytes: number;
  /** Largest image in bytes (images are often allowed to be smaller than documents). */
  maxImageBytes: number;
  /** Allowed MIME types; `image/*` style wildcards allowed. */
  allowedTypes: string[];
}

export interface AreaConfig {
  id: number;
  name: string;
  /** IANA time zone, e.g. "Europe/Stockholm"; also used for `sentHuman`. */
  timeZone: string;
  /** `'always'` or the intervals per weekday (a weekday left out is closed all day). */
  openingHours: 'always' | Partial<Record<Weekday, OpeningInterval[]>>;
  /** Most chats waiting in the queue; one more gets `queue full`. */
  queueCapacity: number;
  /** A chat with no activity for this long is closed with CHAT_EXPIRED. Fractions allowed (tests). */
  idleExpirySeconds: number;
  attachments: AttachmentLimits;
  /** Agents see the text the visitor is typing (else only that they type). */
  agentsSeeTypingText: boolean;
  /** The visitor sees the text the agent is typing (else only its length). */
  visitorSeesAgentTypingText: boolean;
  /**
   * Queue a visitor even when no agent of the area is signed in (the demo wants this so a visitor can
   * start first and an agent accept later). When false, such a visitor gets `agent unavailable`.
   */
  queueWithoutAgents: boolean;
  /** Name of a registered robot (see robot-hook.ts) that takes new chats of this area first. */
  robot?: string;
  /** Estimated handling time per chat when the area has no history yet. */
  defaultHandlingSeconds?: number;
}

export interface AgentConfig {
  /** Display name; also the sign-in name in the demo console. */
  name: string;
  /** Areas whose queue this agent serves. */
  areas: number[];
}

export interface ServerConfig {
  /** Workspace in `/s/<workspace>`. */
  workspace: string;
  areas: AreaConfig[];
  agents: AgentConfig[];
}

/** An area with sensible defaults; tests and configs override what they care about. */
export function defineArea(
  area: Partial<AreaConfig> & Pick<AreaConfig, 'id' | 'name'>,
): AreaConfig {
  return {
    timeZone: 'UTC',
    openingHours: 'always',
    queueCapacity: 50,
    idleExpirySeconds: 30 * 60,
    attachments: {
      enabled: true,
      maxBytes: 10 * 1024 * 1024,
      maxImageBytes: 5 * 1024 * 1024,
      allowedTypes: ['image/*', 'application/pdf', 'text/plain'],
    },
    agentsSeeTypingText: true,
    visitorSeesAgentTypingText: false,
    queueWithoutAgents: true,
    defaultHandlingSeconds: 180,
    ...area,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a parsed config; throws with a readable message on the first problem, because a typo in
 * a config file should stop the server at start, not surface as a strange chat later.
 */
export function validateConfig(value: unknown): ServerConfig {
  if (!isRecord(value)) throw new Error('config: expected an object');
  const { workspace, areas, agents } = value;
  if (typeof workspace !== 'string' || !/^[a-z0-9-]+$/i.test(workspace)) {
    throw new Error('config.workspace: expected letters, digits or "-"');
  }
  if (!Array.isArray(areas) || areas.length === 0) throw new Error('config.areas: expected a list');
  if (!Array.isArray(agents)) throw new Error('config.agents: expected a list');
  const checkedAreas = areas.map((area: unknown, index) => {
    if (!isRecord(area) || !Number.isInteger(area.id) || typeof area.name !== 'string') {
      throw new Error(`config.areas[${index}]: needs an integer id and a name`);
    }
    const merged = defineArea(area as Partial<AreaConfig> & Pick<AreaConfig, 'id' | 'name'>);
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: merged.timeZone });
    } catch {
      throw new Error(`config.areas[${index}].timeZone: unknown time zone ${merged.timeZone}`);
    }
    if (merged.openingHours !== 'always') {
      for (const [day, intervals] of Object.entries(merged.openingHours)) {
        if (!WEEKDAYS.includes(day as Weekday)) {
          throw new Error(`config.areas[${index}].openingHours: unknown weekday ${day}`);
        }
        for (const interval of intervals ?? []) {
          if (!/^\d\d:\d\d$/.test(interval.open) || !/^\d\d:\d\d$/.test(interval.close)) {
            throw new Error(`config.areas[${index}].openingHours.${day}: expected "HH:MM"`);
          }
        }
      }
    }
    return merged;
  });
  const checkedAgents = agents.map((agent: unknown, index) => {
    if (!isRecord(agent) || typeof agent.name !== 'string' || !Array.isArray(agent.areas)) {
      throw new Error(`config.agents[${index}]: needs a name and a list of areas`);
    }
    return { name: agent.name, areas: agent.areas.filter(Number.isInteger) as number[] };
  });
  return { workspace, areas: checkedAreas, agents: checkedAgents };
}

export function loadConfigFile(path: string): ServerConfig {
  return validateConfig(JSON.parse(readFileSync(path, 'utf8')));
}
