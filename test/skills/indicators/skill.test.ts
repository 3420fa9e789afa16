import { createExtractIndicatorsSkill } from '../../../src/skills/indicators';
import { testContext } from '../support';

const skill = createExtractIndicatorsSkill();

describe('extract_indicators', () => {
  it('returns refanged values as data and shows them defanged', async () => {
    const text = 'Block hxxps://evil[.]com/a and 185.220.101[.]4; see CVE-2021-44228.';

    const result = await skill.run(skill.input.parse({ text }), testContext());

    expect(result.data).toEqual({
      indicators: [
        { type: 'url', value: 'https://evil.com/a' },
        { type: 'domain', value: 'evil.com' },
        { type: 'ipv4', value: '185.220.101.4' },
        { type: 'cve', value: 'CVE-2021-44228' },
      ],
      counts: { url: 1, domain: 1, ipv4: 1, cve: 1 },
    });
    expect(result.view.table?.rows).toEqual([
      ['URL', 'hxxps://evil[.]com/a'],
      ['domain', 'evil[.]com'],
      ['IPv4 address', '185[.]220[.]101[.]4'],
      ['CVE id', 'CVE-2021-44228'],
    ]);
    expect(result.view.summary).toBe(
      'Found 4 indicators: 1 URL, 1 domain, 1 IPv4 address and 1 CVE id. Shown defanged.',
    );
    expect(result.sources).toEqual([]);
  });

  it('says when the text holds no indicators', async () => {
    const result = await skill.run(skill.input.parse({ text: 'all quiet' }), testContext());

    expect(result.view.summary).toBe('No indicators found in the text.');
    expect(result.view.table).toBeUndefined();
  });

  it('refuses empty and oversized text with a message that says what to do', () => {
    const empty = skill.input.safeParse({ text: '' });
    const huge = skill.input.safeParse({ text: 'a'.repeat(100001) });

    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0].message).toContain('paste the message');
    expect(huge.error?.issues[0].message).toContain('paste a smaller part');
  });
});
