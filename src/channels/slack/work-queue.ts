import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Work Warden does after acknowledging a Slack event. Acknowledgements share one event loop
 * with that work, so an acknowledgement waits behind every callback of every running turn. New
 * turns therefore start only while the event loop has time to spare (its utilisation stays
 * under a ceiling): turns that mostly wait on a model run many at a time, CPU-heavy turns one
 * or two at a time, and the rest wait here, costing memory, not acknowledgement latency.
 */
export interface WorkQueueOptions {
  /** Turns that always may run, however busy the loop is. Default 1. */
  minRunning?: number;
  /** Turns running at most. Default 32. */
  maxRunning?: number;
  /** Turns waiting; beyond this Slack is asked to retry later. Default 2,000. */
  maxWaiting?: number;
  /** Share of time the event loop may be busy for another turn to start, 0 to 1. Default 0.5. */
  maxUtilization?: number;
  /** Called with anything a task throws. */
  onError: (error: unknown) => void;
}

type Task = () => Promise<void>;

/** How often the loop's utilisation is sampled while work waits, in milliseconds. */
const SAMPLE_MS = 10;

export class WorkQueue {
  private readonly waiting: Task[] = [];
  private running = 0;
  private readonly limits: Required<Omit<WorkQueueOptions, 'onError'>>;
  private idleWaiters: (() => void)[] = [];
  private utilization = 0;
  private sampler?: NodeJS.Timeout;

  constructor(private readonly options: WorkQueueOptions) {
    this.limits = {
      minRunning: options.minRunning ?? 1,
      maxRunning: options.maxRunning ?? 32,
      maxWaiting: options.maxWaiting ?? 2000,
      maxUtilization: options.maxUtilization ?? 0.5,
    };
  }

  /** Queues the task; false (and nothing queued) when the queue is full. */
  offer(task: Task): boolean {
    if (this.waiting.length === 0 && this.mayStart()) {
      this.start(task);
      return true;
    }
    if (this.waiting.length >= this.limits.maxWaiting) return false;
    this.waiting.push(task);
    this.pump();
    return true;
  }

  get size(): number {
    return this.running + this.waiting.length;
  }

  /** Resolves once nothing is running or waiting. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.mayStart()) {
      this.start(this.waiting.shift() as Task);
    }
    this.sampleWhileWaiting();
  }

  private mayStart(): boolean {
    const { minRunning, maxRunning, maxUtilization } = this.limits;
    if (this.running < minRunning) return true;
    return this.running < maxRunning && this.utilization <= maxUtilization;
  }

  private start(task: Task): void {
    this.running += 1;
    task()
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => this.finish());
  }

  private finish(): void {
    this.running -= 1;
    this.pump();
    if (this.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Measures how busy the event loop was since the last sample, while turns wait to start. */
  private sampleWhileWaiting(): void {
    if (this.waiting.length === 0) {
      clearInterval(this.sampler);
      this.sampler = undefined;
      return;
    }
    if (this.sampler) return;
    let previous: EventLoopUtilization = performance.eventLoopUtilization();
    this.sampler = setInterval(() => {
      const current = performance.eventLoopUtilization();
      this.utilization = performance.eventLoopUtilization(current, previous).utilization;
      previous = current;
      this.pump();
    }, SAMPLE_MS);
    this.sampler.unref();
  }
}
