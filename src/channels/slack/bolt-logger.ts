import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger';

/**
 * Bolt and its Web API client log through this, into Warden's logger, so their lines carry the
 * same fields and redaction as ours. Level filtering stays with Warden's logger (LOG_LEVEL).
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const forward =
    (write: (obj: object, msg?: string) => void) =>
    (...parts: unknown[]) => {
      const err = parts.find((part) => part instanceof Error);
      const text = parts
        .filter((part) => !(part instanceof Error))
        .map((part) => (typeof part === 'string' ? part : safeJson(part)))
        .join(' ');
      write(err ? { library: name, err } : { library: name }, text);
    };
  return {
    debug: forward((obj, msg) => logger.debug(obj, msg)),
    info: forward((obj, msg) => logger.info(obj, msg)),
    warn: forward((obj, msg) => logger.warn(obj, msg)),
    error: forward((obj, msg) => logger.error(obj, msg)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (error) {
    return error instanceof TypeError ? String(value) : '[unserialisable]';
  }
}
