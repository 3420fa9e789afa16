import { escapeMrkdwn, mrkdwnLink, toMrkdwn } from '../../src/cards';
import { splitMrkdwn } from '../../src/cards/block-kit-mrkdwn';

describe('toMrkdwn', () => {
  it('turns Markdown bold, italic and strikethrough into Slack’s marks', () => {
    expect(toMrkdwn('**Critical** and *likely* but ~~not~~ __fixed__')).toBe(
      '*Critical* and _likely_ but ~not~ *fixed*',
    );
  });

  it('turns Markdown links into Slack links and keeps only http(s) targets clickable', () => {
    expect(toMrkdwn('See [NVD](https://nvd.nist.gov/vuln/detail/CVE-2021-44228).')).toBe(
      'See <https://nvd.nist.gov/vuln/detail/CVE-2021-44228|NVD>.',
    );
    expect(toMrkdwn('[click](javascript:alert(1))')).toBe('click');
  });

  it('escapes &, < and > so text cannot ping a channel or hide a link', () => {
    expect(toMrkdwn('Tom & Jerry <!channel> <https://evil.example|bank>')).toBe(
      'Tom &amp; Jerry &lt;!channel&gt; &lt;https://evil.example|bank&gt;',
    );
  });

  it('rewrites headings as bold lines and bullets as Slack bullets', () => {
    expect(toMrkdwn('## Next steps\n- Reset the password\n  * Revoke sessions')).toBe(
      '*Next steps*\n• Reset the password\n  • Revoke sessions',
    );
  });

  it('keeps code as code, escaped, and closes a fence the text left open', () => {
    expect(toMrkdwn('Run `a<b`:\n```kql\nSigninLogs | where x > 1\n')).toBe(
      'Run `a&lt;b`:\n```\nSigninLogs | where x &gt; 1\n```',
    );
  });

  it('keeps snake_case words and URLs with underscores intact', () => {
    expect(toMrkdwn('ran list_signins on [log](https://x.example/a_b_c)')).toBe(
      'ran list_signins on <https://x.example/a_b_c|log>',
    );
  });
});

describe('mrkdwnLink', () => {
  it('encodes the characters that would end a Slack link early', () => {
    expect(mrkdwnLink('a > b', 'https://x.example/?q=1&r=a|b')).toBe(
      '<https://x.example/?q=1&amp;r=a%7Cb|a &gt; b>',
    );
  });
});

describe('escapeMrkdwn', () => {
  it('escapes the ampersand first so entities are not double-read', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('splitMrkdwn', () => {
  it('cuts long text at line breaks into pieces within the limit', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const pieces = splitMrkdwn(text, 1000);
    expect(pieces.length).toBeGreaterThan(4);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1000);
    expect(pieces.join('\n')).toBe(text);
  });

  it('closes and reopens a code fence that spans a cut', () => {
    const code = Array.from({ length: 60 }, (_, i) => `row ${i}`).join('\n');
    const pieces = splitMrkdwn(`\`\`\`\n${code}\n\`\`\``, 200);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(200);
      expect(piece.match(/```/g)?.length).toBe(2);
    }
  });

  it('cuts a single over-long line without leaving half a link', () => {
    const line = `${'word '.repeat(50)}<https://x.example/${'a'.repeat(100)}|title>`;
    const [piece] = splitMrkdwn(line, 260);
    expect(piece.length).toBeLessThanOrEqual(260);
    expect(piece).not.toContain('<https');
    expect(piece.endsWith('…')).toBe(true);
  });
});
