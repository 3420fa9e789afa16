import { markdownLink, plainExcerpt, toCardMarkdown, truncate } from '../../src/cards/markdown';

describe('toCardMarkdown', () => {
  it('keeps bold, italic, lists and web links as they are', () => {
    const text = '**Bold** and _italic_\n\n- one\n- two\n1. first\n[NVD](https://nvd.nist.gov)';
    expect(toCardMarkdown(text)).toBe(text);
  });

  it('turns headings into bold lines and star bullets into dashes', () => {
    expect(toCardMarkdown('## Next steps\n* reset password\n  + revoke sessions')).toBe(
      '**Next steps**\n- reset password\n  - revoke sessions',
    );
  });

  it('drops code fences, inline code marks, quotes and images but keeps their text', () => {
    const text =
      '> note\n```kql\nSigninLogs | take 10\n```\nRun `whoami` ![graph](https://x/y.png)';
    expect(toCardMarkdown(text)).toBe('note\nSigninLogs | take 10\nRun whoami graph');
  });

  it('shows links with a non-web scheme as plain text', () => {
    expect(toCardMarkdown('[click](javascript:alert(1)) [mail](mailto:a@b.c)')).toBe('click mail');
  });

  it('keeps a web link whose URL holds parentheses', () => {
    const text = '[Log4Shell](https://en.wikipedia.org/wiki/Log4Shell_(bug))';
    expect(toCardMarkdown(text)).toBe(text);
  });
});

describe('markdownLink', () => {
  it('keeps brackets in titles and parentheses in URLs from breaking the link', () => {
    expect(markdownLink('Rule [v2]', 'https://x.test/a (b)')).toBe(
      '[Rule (v2)](https://x.test/a%20%28b%29)',
    );
  });
});

describe('truncate', () => {
  it('cuts at a word boundary near the limit and adds an ellipsis', () => {
    expect(truncate('alpha beta gamma delta', 18)).toBe('alpha beta gamma…');
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate('🛡️'.repeat(20), 6);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

describe('plainExcerpt', () => {
  it('flattens Markdown into one plain line', () => {
    expect(plainExcerpt('# Title\n- **one** [two](https://x.test)\n- three', 100)).toBe(
      'Title one two three',
    );
  });
});
