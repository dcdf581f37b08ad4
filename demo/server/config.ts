/**
 * The reference server's configuration: areas (opening hours, queue, limits) and agents.
 * A config is plain data so it can live in a JSON file (`CONFIG_FILE`) or be built in a test.
 *
 * The TypeBox schemas below are the one definition: the TypeScript types are derived from them,
 * and a config file is checked against them at start. What a JSON schema cannot say (a time zone
 * `Intl` knows, an interval that opens before it closes, area ids used once) is checked by hand
 * after it.
 */
import { readFileSync } from 'node:fs';
import Type, { type Static, type TArray, type TOptional, type TSchema } from 'typebox';
import Value from 'typebox/value';
import { PASSWORD_HASH_PATTERN } from './agent-auth/passwords.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Objects refuse fields they do not know, so a misspelt setting stops the server. */
const closed = { additionalProperties: false } as const;

// A `description` here is what an error message says was expected.
const Clock = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  description: 'a time "HH:MM"',
});
const ClosingClock = Type.String({
  pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$',
  description: 'a time "HH:MM" (or "24:00" for midnight)',
});

/** One open interval of a weekday, "HH:MM" in the area's time zone; `close` "24:00" = midnight. */
const OpeningIntervalSchema = Type.Object({ open: Clock, close: ClosingClock }, closed);
export type OpeningInterval = Static<typeof OpeningIntervalSchema>;

const intervalsPerDay = Object.fromEntries(
  WEEKDAYS.map((day) => [day, Type.Optional(Type.Array(OpeningIntervalSchema))]),
) as Record<Weekday, TOptional<TArray<typeof OpeningIntervalSchema>>>;

/** `'always'` or the intervals per weekday (a weekday left out is closed all day). */
const OpeningHoursSchema = Type.Union(
  [
    Type.Literal('always'),
    // `title` names what an unknown key is, for the error message ("unknown weekday funday").
    Type.Object(intervalsPerDay, { ...closed, title: 'weekday' }),
  ],
  { description: '"always" or intervals per weekday (mon … sun)' },
);

const AttachmentLimitsSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    /** Largest file in bytes. */
    maxBytes: Type.Integer({ minimum: 0 }),
    /** Largest image in bytes (images are often allowed to be smaller than documents). */
    maxImageBytes: Type.Integer({ minimum: 0 }),
    /** Allowed MIME types; `image/*` style wildcards allowed. */
    allowedTypes: Type.Array(
      Type.String({
        pattern: '^[\\w.+-]+/(\\*|[\\w.+-]+)$',
        description: 'a MIME type such as "image/png" or "image/*"',
      }),
    ),
  },
  closed,
);
export type AttachmentLimits = Static<typeof AttachmentLimitsSchema>;

/**
 * How long after a chat closes its session secret still fetches the transcript and the chat's
 * files; after that it is refused like a wrong secret. Fractions allowed (tests).
 */
const secretRetention = Type.Number({ minimum: 0, description: 'a number of seconds (0 or more)' });

/** The `secretRetentionSeconds` of a config that names none: a day. */
export const DEFAULT_SECRET_RETENTION_SECONDS = 24 * 60 * 60;

const areaIdentity = {
  id: Type.Integer({ description: 'an integer id' }),
  name: Type.String({ minLength: 1, description: 'a name' }),
};

/** The area settings `defineArea()` fills in when a config leaves them out. */
const areaSettings = {
  /** IANA time zone, e.g. "Europe/Stockholm"; also used for `sentHuman`. */
  timeZone: Type.String({ minLength: 1 }),
  openingHours: OpeningHoursSchema,
  /** Most chats waiting in the queue; one more gets `queue full`. */
  queueCapacity: Type.Integer({ minimum: 0 }),
  /** A chat with no activity for this long is closed with CHAT_EXPIRED. Fractions allowed (tests). */
  idleExpirySeconds: Type.Number({ exclusiveMinimum: 0 }),
  attachments: AttachmentLimitsSchema,
  /** Agents see the text the visitor is typing (else only that they type). */
  agentsSeeTypingText: Type.Boolean(),
  /** The visitor sees the text the agent is typing (else only its length). */
  visitorSeesAgentTypingText: Type.Boolean(),
  /**
   * Queue a visitor even when no agent of the area is signed in (the demo wants this so a visitor
   * can start first and an agent accept later). When false, such a visitor gets `agent unavailable`.
   */
  queueWithoutAgents: Type.Boolean(),
};

const areaExtras = {
  /** Name of a registered robot (see robot-hook.ts) that takes new chats of this area first. */
  robot: Type.Optional(Type.String({ minLength: 1 })),
  /** Estimated handling time per chat when the area has no history yet. */
  defaultHandlingSeconds: Type.Optional(Type.Number({ minimum: 0 })),
  /** Overrides the server-wide `secretRetentionSeconds` for this area's chats. */
  secretRetentionSeconds: Type.Optional(secretRetention),
};

const AreaSchema = Type.Object({ ...areaIdentity, ...areaSettings, ...areaExtras }, closed);
export type AreaConfig = Static<typeof AreaSchema>;

const AgentSchema = Type.Object(
  {
    /** Display name; also the sign-in name in the demo console. */
    name: Type.String({ minLength: 1 }),
    /** Areas whose queue this agent serves. */
    areas: Type.Array(Type.Integer()),
    /**
     * scrypt hash of the agent's password (`npm run agent-password` makes one). An agent without
     * one cannot sign in.
     */
    passwordHash: Type.Optional(
      Type.String({
        pattern: PASSWORD_HASH_PATTERN,
        description: 'an scrypt hash made by `npm run agent-password`',
      }),
    ),
  },
  closed,
);
export type AgentConfig = Static<typeof AgentSchema>;

/** Where the server POSTs signed events (webhooks/), and which events each subscriber wants. */
const WebhookSubscriberSchema = Type.Object(
  {
    url: Type.String({ pattern: '^https?://', description: 'an http(s) URL' }),
    /** Signs each delivery (HMAC-SHA256); shared with the receiver only. */
    secret: Type.String({ minLength: 16, description: 'a secret of at least 16 characters' }),
    events: Type.Optional(
      Type.Array(
        Type.Union([
          Type.Literal('chat.started'),
          Type.Literal('chat.message'),
          Type.Literal('chat.ended'),
          Type.Literal('errand.created'),
          Type.Literal('errand.updated'),
          Type.Literal('errand.closed'),
        ]),
        { description: 'a list of webhook events' },
      ),
    ),
  },
  closed,
);
export type WebhookSubscriberConfig = Static<typeof WebhookSubscriberSchema>;

const configOf = <Area extends TSchema>(area: Area) =>
  Type.Object(
    {
      /** Workspace in `/s/<workspace>`. */
      workspace: Type.String({ pattern: '^[a-zA-Z0-9-]+$', description: 'letters, digits or "-"' }),
      areas: Type.Array(area, { minItems: 1, description: 'a list of areas (at least one)' }),
      agents: Type.Array(AgentSchema, { description: 'a list of agents' }),
      /** Default for every area without its own; `DEFAULT_SECRET_RETENTION_SECONDS` if absent. */
      secretRetentionSeconds: Type.Optional(secretRetention),
      /** Webhook subscribers (none when left out). */
      webhooks: Type.Optional(Type.Array(WebhookSubscriberSchema)),
    },
    { ...closed, description: 'an object' },
  );

/** A complete config (every area setting present): what the server runs with. */
export const ServerConfigSchema = configOf(AreaSchema);
export type ServerConfig = Static<typeof ServerConfigSchema>;

/** What a config file may say: an area needs only its id and name. */
const AreaInFileSchema = Type.Object(
  { ...areaIdentity, ...Type.Partial(Type.Object(areaSettings)).properties, ...areaExtras },
  closed,
);
type AreaInFile = Static<typeof AreaInFileSchema>;
const ConfigFileSchema = configOf(AreaInFileSchema);

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

/** `/areas/0/openingHours/mon` → `config.areas[0].openingHours.mon` */
function fieldName(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (name, step) => (/^\d+$/.test(step) ? `${name}[${step}]` : `${name}.${step}`),
      'config',
    );
}

/** The schema node a JSON pointer such as `#/properties/areas/items` names. */
function schemaAt(root: TSchema, pointer: string): { description?: unknown; title?: unknown } {
  let node: unknown = root;
  for (const step of pointer.split('/').slice(1)) {
    node = typeof node === 'object' && node !== null ? Reflect.get(node, step) : undefined;
  }
  return typeof node === 'object' && node !== null ? node : {};
}

interface Problem {
  /** JSON pointer of the value that is wrong. */
  pointer: string;
  text: string;
  /** False for "not a string" from the choice of a union the value was never meant to be. */
  specific: boolean;
}

const expected = (schema: { description?: unknown }, otherwise: string): string =>
  typeof schema.description === 'string' ? `expected ${schema.description}` : otherwise;

function problemsOf(schema: TSchema, value: unknown): Problem[] {
  return Value.Errors(schema, value).flatMap((error): Problem[] => {
    const where = schemaAt(schema, error.schemaPath);
    switch (error.keyword) {
      case 'anyOf': // said more precisely by the errors of its choices
      case 'boolean': // `additionalProperties: false` says it again as its own error
        return [];
      case 'required':
        return error.params.requiredProperties.map((property) => ({
          pointer: `${error.instancePath}/${property}`,
          text: expected(
            schemaAt(schema, `${error.schemaPath}/properties/${property}`),
            'required',
          ),
          specific: true,
        }));
      case 'additionalProperties': {
        const noun = typeof where.title === 'string' ? where.title : 'field';
        const names = error.params.additionalProperties.join(', ');
        return [{ pointer: error.instancePath, text: `unknown ${noun} ${names}`, specific: true }];
      }
    }
    // A wrong value inside one choice of a union: say what the union wants, not each choice.
    const choice = /\/anyOf\/\d+$/.exec(error.schemaPath);
    const target = choice ? schemaAt(schema, error.schemaPath.slice(0, choice.index)) : where;
    return [
      {
        pointer: error.instancePath,
        text: expected(target, error.message),
        specific: !choice || (error.keyword !== 'type' && error.keyword !== 'const'),
      },
    ];
  });
}

/**
 * One readable line for the most specific problem: the deepest field that is wrong, said with the
 * schema's `description` where it has one ("expected an integer id") and TypeBox's words otherwise.
 */
function describeProblem(schema: TSchema, value: unknown): string {
  const problems = problemsOf(schema, value);
  const depthOf = (problem: Problem) => problem.pointer.split('/').length;
  const depth = Math.max(...problems.map(depthOf));
  let deepest = problems.filter((problem) => depthOf(problem) === depth);
  if (deepest.some((problem) => problem.specific)) deepest = deepest.filter((p) => p.specific);
  const pointer = deepest[0]?.pointer ?? '';
  const texts = new Set(deepest.filter((p) => p.pointer === pointer).map((p) => p.text));
  return `${fieldName(pointer)}: ${[...texts].join(', ') || 'invalid'}`;
}

/** The checks a schema cannot express; throws like the schema check does. */
function checkArea(area: AreaConfig, index: number, seenIds: Set<number>): void {
  const field = `config.areas[${index}]`;
  if (seenIds.has(area.id)) throw new Error(`${field}.id: area ${area.id} is listed twice`);
  seenIds.add(area.id);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: area.timeZone });
  } catch {
    throw new Error(`${field}.timeZone: unknown time zone ${area.timeZone}`);
  }
  if (area.openingHours === 'always') return;
  for (const day of WEEKDAYS) {
    (area.openingHours[day] ?? []).forEach((interval, position) => {
      // "HH:MM" strings of the same shape sort like the times they name.
      if (interval.open >= interval.close) {
        throw new Error(
          `${field}.openingHours.${day}[${position}]: opens at ${interval.open}, after it closes (${interval.close})`,
        );
      }
    });
  }
}

/**
 * Checks a parsed config and fills in area defaults; throws with a readable message on the first
 * problem, because a typo in a config file should stop the server at start, not surface as a
 * strange chat later.
 */
export function validateConfig(value: unknown): ServerConfig {
  if (!Value.Check(ConfigFileSchema, value)) {
    throw new Error(describeProblem(ConfigFileSchema, value));
  }
  const seenIds = new Set<number>();
  const areas = value.areas.map((area: AreaInFile, index) => {
    const merged = defineArea(area);
    checkArea(merged, index, seenIds);
    return merged;
  });
  const { workspace, agents, secretRetentionSeconds, webhooks } = value;
  return {
    workspace,
    areas,
    agents,
    ...(secretRetentionSeconds === undefined ? {} : { secretRetentionSeconds }),
    ...(webhooks === undefined ? {} : { webhooks }),
  };
}

export function loadConfigFile(path: string): ServerConfig {
  return validateConfig(JSON.parse(readFileSync(path, 'utf8')));
}
