import { WorkQueue } from '../../../src/channels/slack/work-queue';

/** A task that runs until the test releases it. */
function gatedTask(log: string[], name: string) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const task = async () => {
    log.push(`start ${name}`);
    await gate;
    log.push(`end ${name}`);
  };
  return { task, release };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('WorkQueue', () => {
  it('runs tasks in arrival order and resolves idle when all are done', async () => {
    const log: string[] = [];
    const queue = new WorkQueue({ maxRunning: 1, onError: () => undefined });
    const a = gatedTask(log, 'a');
    const b = gatedTask(log, 'b');

    queue.offer(a.task);
    queue.offer(b.task);
    expect(log).toEqual(['start a']);
    a.release();
    b.release();
    await queue.idle();

    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(queue.size).toBe(0);
  });

  it('starts more tasks while the event loop has time to spare', async () => {
    const log: string[] = [];
    const queue = new WorkQueue({ minRunning: 1, maxRunning: 4, onError: () => undefined });
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((name) => gatedTask(log, name));

    for (const { task } of tasks) queue.offer(task);
    await until(() => log.length === 4);

    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    for (const { release } of tasks) release();
    await queue.idle();
    expect(log).toContain('end e');
  });

  it('turns work away once the waiting line is full', () => {
    const queue = new WorkQueue({
      minRunning: 1,
      maxRunning: 1,
      maxWaiting: 1,
      onError: () => undefined,
    });
    const log: string[] = [];

    expect(queue.offer(gatedTask(log, 'running').task)).toBe(true);
    expect(queue.offer(gatedTask(log, 'waiting').task)).toBe(true);
    expect(queue.offer(gatedTask(log, 'refused').task)).toBe(false);
    expect(queue.size).toBe(2);
  });

  it('hands a failing task’s error to onError and goes on', async () => {
    const errors: unknown[] = [];
    const queue = new WorkQueue({ maxRunning: 1, onError: (error) => errors.push(error) });
    const failure = new Error('boom');

    queue.offer(async () => {
      throw failure;
    });
    let ran = false;
    queue.offer(async () => {
      ran = true;
    });
    await queue.idle();

    expect(errors).toEqual([failure]);
    expect(ran).toBe(true);
  });
});
