import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Logger } from './core/logger';

/**
 * Field names whose values never reach the log: credentials, and message bodies (questions,
 * answers, comments), which are customer data. Turn on `LOG_LEVEL=debug` to see skill inputs.
 */
const REDACTED_PATHS = [
  'apiKey',
  'key',
  'password',
  'secret',
  'token',
  'authorization',
  'text',
  'question',
  'comment',
  '*.apiKey',
  '*.key',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
  '*.text',
  '*.question',
  '*.comment',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

export interface LoggerOptions {
  level: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read them. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger & pino.Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'warden' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** Short, unique, log-friendly ids for turns and correlation. */
export function newId(): string {
  return randomUUID();
}
