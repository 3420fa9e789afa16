import { RecentEventIds } from '../../../src/channels/slack/recent-events';

describe('RecentEventIds', () => {
  it('reports an id seen within the window, and forgets it afterwards', () => {
    let nowMs = 0;
    const recent = new RecentEventIds({ ttlMs: 1000, now: () => nowMs });

    expect(recent.checkAndRemember('Ev1')).toBe(false);
    nowMs = 999;
    expect(recent.checkAndRemember('Ev1')).toBe(true);
    nowMs = 1000;
    expect(recent.checkAndRemember('Ev1')).toBe(false);
  });

  it('keeps at most maxEntries ids, forgetting the oldest first', () => {
    const recent = new RecentEventIds({ maxEntries: 3, now: () => 0 });
    for (const id of ['a', 'b', 'c', 'd']) recent.checkAndRemember(id);

    expect(recent.size).toBe(3);
    expect(recent.checkAndRemember('d')).toBe(true);
    expect(recent.checkAndRemember('a')).toBe(false);
  });
});
