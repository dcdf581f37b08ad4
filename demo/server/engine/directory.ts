/**
 * The configured areas and agents, and who serves where. Read-only: the config does not change
 * while the server runs.
 */
import {
  DEFAULT_SECRET_RETENTION_SECONDS,
  type AgentConfig,
  type AreaConfig,
  type ServerConfig,
} from '../config.js';
import { ChatError } from '../errors.js';

export class Directory {
  private readonly areas = new Map<number, AreaConfig>();

  constructor(private readonly config: ServerConfig) {
    for (const area of config.areas) this.areas.set(area.id, area);
  }

  /** The area, or `no_area` (404). */
  area(areaId: number): AreaConfig {
    const area = this.areas.get(areaId);
    if (!area) throw new ChatError('no_area', `There is no area ${areaId}.`, 404);
    return area;
  }

  /** The area, or undefined when the config no longer has it (chats stored under an old config). */
  findArea(areaId: number): AreaConfig | undefined {
    return this.areas.get(areaId);
  }

  /** How long a closed chat's secret still works, in ms: the area's setting, else the server's. */
  secretRetentionMs(areaId: number): number {
    const seconds =
      this.findArea(areaId)?.secretRetentionSeconds ??
      this.config.secretRetentionSeconds ??
      DEFAULT_SECRET_RETENTION_SECONDS;
    return seconds * 1000;
  }

  get agents(): readonly AgentConfig[] {
    return this.config.agents;
  }

  /** The agent of exactly this name. */
  agentNamed(name: string): AgentConfig | undefined {
    return this.config.agents.find((agent) => agent.name === name);
  }

  /** The agent signing in as `name`; sign-in ignores case. */
  agentSigningInAs(name: string): AgentConfig | undefined {
    const wanted = name.toLowerCase();
    return this.config.agents.find((agent) => agent.name.toLowerCase() === wanted);
  }

  /** The configured areas an agent serves. */
  areasOf(agentName: string): number[] {
    return (this.agentNamed(agentName)?.areas ?? []).filter((id) => this.areas.has(id));
  }

  servesArea(agentName: string, areaId: number): boolean {
    return this.areasOf(agentName).includes(areaId);
  }
}
