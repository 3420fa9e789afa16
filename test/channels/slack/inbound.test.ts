import {
  isDirectMessage,
  questionFromSlackText,
  tenantOf,
} from '../../../src/channels/slack/inbound';

describe('questionFromSlackText', () => {
  it('drops Warden’s own mention and keeps the question', () => {
    expect(questionFromSlackText('<@UWARDEN> Show open incidents', 'UWARDEN')).toBe(
      'Show open incidents',
    );
  });

  it('turns Slack’s markup back into what the person typed', () => {
    const text =
      '<@UWARDEN> did <@U123|bob> sign in from <http://185.220.101.4|185.220.101.4> or ' +
      '<mailto:bob@contoso.com|bob@contoso.com>, see <#C2041|inc-2041-phishing> &amp; ' +
      '<!here> a &lt; b';
    expect(questionFromSlackText(text, 'UWARDEN')).toBe(
      'did @bob sign in from http://185.220.101.4 or bob@contoso.com, see #inc-2041-phishing ' +
        '& @here a < b',
    );
  });
});

describe('tenantOf', () => {
  it('is the workspace, or the org for an org-wide install', () => {
    expect(tenantOf({ teamId: 'T111', enterpriseId: 'E111', isEnterpriseInstall: false })).toBe(
      'T111',
    );
    expect(tenantOf({ teamId: 'T111', enterpriseId: 'E111', isEnterpriseInstall: true })).toBe(
      'E111',
    );
  });

  it('refuses a request that names neither', () => {
    expect(() => tenantOf({ isEnterpriseInstall: false })).toThrow(
      expect.objectContaining({ code: 'slack_tenant_missing' }),
    );
  });
});

describe('isDirectMessage', () => {
  it('knows direct messages by their D prefix', () => {
    expect(isDirectMessage('D222')).toBe(true);
    expect(isDirectMessage('C2041')).toBe(false);
  });
});
