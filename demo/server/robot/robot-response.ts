/**
 * A webhook's response (robot API document, "Response: answer / handover / empty"), checked into
 * what the server will do. Anything else is an unusable response: the call counts as failed.
 */
import {
  isRecord,
  parseRobotContent,
  RobotContentError,
  type ContentLimits,
  type OnDropped,
  type RobotContent,
} from './robot-content.js';

export type RobotAction =
  | { type: 'answer'; content: RobotContent }
  | { type: 'handover'; areaId?: number }
  | { type: 'empty' };

/** `onDropped`: an answer's invalid parts are left out and reported (robot-content.ts). */
export function parseRobotResponse(
  body: unknown,
  limits: ContentLimits,
  onDropped?: OnDropped,
): RobotAction {
  if (!isRecord(body)) throw new RobotContentError('response is not a JSON object');
  switch (body.type) {
    case 'answer':
      return { type: 'answer', content: parseRobotContent(body, limits, onDropped) };
    case 'empty':
      return { type: 'empty' };
    case 'handover': {
      const { areaId } = body;
      if (areaId === undefined || areaId === null) return { type: 'handover' };
      const id = typeof areaId === 'string' && /^\d+$/.test(areaId) ? Number(areaId) : areaId;
      if (typeof id !== 'number' || !Number.isInteger(id)) {
        throw new RobotContentError('handover areaId: expected an integer');
      }
      return { type: 'handover', areaId: id };
    }
    default:
      throw new RobotContentError(`unknown response type ${JSON.stringify(body.type)}`);
  }
}
