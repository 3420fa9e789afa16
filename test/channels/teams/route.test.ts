import type { Activity } from 'botbuilder';
import { tenantOf } from '../../../src/channels/teams/activity';
import { refusalReason, withHomeTenant } from '../../../src/channels/teams/route';

const HOME = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function activity(conversation: Record<string, unknown>, channelData?: object): Activity {
  return { type: 'message', conversation, channelData } as unknown as Activity;
}

describe('withHomeTenant', () => {
  it("takes an activity that names no tenant as from a single-tenant bot's own tenant", () => {
    const sample = activity({ id: '19:aebd0ad4d6ab42c8b9ed19c251c2fc37@thread.skype' });

    expect(tenantOf(withHomeTenant(sample, HOME))).toBe(HOME);
  });

  it('never overrides the tenant an activity names, on the conversation or in channel data', () => {
    const onConversation = activity({ id: 'a:1', tenantId: 'tenant-a' });
    const inChannelData = activity({ id: 'a:2' }, { tenant: { id: 'tenant-b' } });

    expect(tenantOf(withHomeTenant(onConversation, HOME))).toBe('tenant-a');
    expect(tenantOf(withHomeTenant(inChannelData, HOME))).toBe('tenant-b');
  });

  it('leaves the tenant unknown for a multi-tenant bot, so the message is refused', () => {
    const sample = activity({ id: '19:x@thread.skype' });

    expect(tenantOf(withHomeTenant(sample, undefined))).toBeUndefined();
  });
});

describe('refusalReason', () => {
  it('refuses unauthenticated traffic beyond loopback and says what to set', () => {
    expect(refusalReason(undefined, '0.0.0.0', false)).toContain('Set MicrosoftAppId');
    expect(refusalReason(undefined, '127.0.0.1', true)).toBeUndefined();
    expect(refusalReason('app-id', '0.0.0.0', false)).toBeUndefined();
  });
});
