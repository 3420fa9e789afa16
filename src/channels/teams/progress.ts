import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../../core/logger';
import { toWardenError } from '../../core/errors';

const DEFAULT_PROGRESS_TEXT = 'Working on it…';

export interface ProgressReplyOptions {
  /** How long a turn may run before a progress message is posted, in milliseconds. */
  afterMs: number;
  log: Logger;
}

/**
 * The reply to one question. A turn that finishes quickly is answered with one message; a slow
 * one first posts a short progress line (the engine's latest "Checking …" text), which the answer
 * then replaces in place, so the thread ends with one message either way.
 */
export class ProgressReply {
  private latest?: string;
  private timer?: NodeJS.Timeout;
  private posting?: Promise<string | undefined>;

  constructor(
    private readonly context: TurnContext,
    private readonly options: ProgressReplyOptions,
  ) {}

  start(): void {
    this.timer = setTimeout(() => {
      this.posting = this.post();
    }, this.options.afterMs);
  }

  /** The engine's progress callback: remembers the latest step for the progress message. */
  readonly note = (text: string): void => {
    this.latest = text;
  };

  /** Posts the final message: in place of the progress message when there is one. */
  async finish(activity: Partial<Activity>): Promise<void> {
    this.stop();
    const progressId = await this.posting;
    if (progressId && (await this.replace(progressId, activity))) return;
    await this.context.sendActivity(activity);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private async post(): Promise<string | undefined> {
    try {
      const sent = await this.context.sendActivity({
        type: 'message',
        text: this.latest ?? DEFAULT_PROGRESS_TEXT,
      });
      return sent?.id;
    } catch (error) {
      // The answer still comes; it just arrives as a new message instead of an update.
      const failure = toWardenError(error, 'teams_progress_failed');
      this.options.log.warn({ code: failure.code, err: failure.message }, 'progress not posted');
      return undefined;
    }
  }

  private async replace(id: string, activity: Partial<Activity>): Promise<boolean> {
    try {
      await this.context.updateActivity({ ...activity, id });
      return true;
    } catch (error) {
      const failure = toWardenError(error, 'teams_update_failed');
      this.options.log.warn(
        { code: failure.code, err: failure.message },
        'progress message not replaced; sending the answer as a new message',
      );
      return false;
    }
  }
}
