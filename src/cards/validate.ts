import type { AdaptiveCard as WardenCard } from './types';
import { TEAMS_MESSAGE_LIMIT_BYTES } from './budget';

/**
 * The npm entry of `adaptivecards` pulls in browser-only modules and fails under Node; the
 * bundled build loads fine and parses and validates without a DOM (rendering is what needs one).
 */
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Events the library raises that are advice, not faults. */
const ADVISORY_EVENTS = new Set<number>([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

/**
 * Checks a card the way an Adaptive Cards host would: the `adaptivecards` library parses it
 * (unknown element and action types, invalid enum values, unsupported versions) and then runs
 * its own property validation (empty choice sets, duplicate ids, inputs without labels). The
 * library accepts a missing root `type` and any size, so those two are checked here as well.
 * Returns one line per problem; an empty list means the card is valid.
 */
export function validateAdaptiveCard(json: WardenCard | Record<string, unknown>): string[] {
  const raw = json as Record<string, unknown>;
  const problems: string[] = [];
  if (raw.type !== 'AdaptiveCard') {
    problems.push(`Root "type" must be "AdaptiveCard"; got ${JSON.stringify(raw.type)}.`);
  }
  if (typeof raw.version !== 'string') problems.push('Root "version" must be a string like "1.5".');

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(raw, context);
  for (let index = 0; index < context.eventCount; index += 1) {
    const event = context.getEventAt(index);
    if (!ADVISORY_EVENTS.has(event.event)) problems.push(describe(event));
  }
  for (const event of card.validateProperties().validationEvents) {
    if (!ADVISORY_EVENTS.has(event.event)) problems.push(describe(event));
  }

  const bytes = Buffer.byteLength(JSON.stringify(raw), 'utf8');
  if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) {
    problems.push(
      `Card is ${bytes} bytes; Teams refuses messages over ${TEAMS_MESSAGE_LIMIT_BYTES}.`,
    );
  }
  return problems;
}

function describe(event: { event: number; message: string }): string {
  return `${AC.ValidationEvent[event.event]}: ${event.message}`;
}
