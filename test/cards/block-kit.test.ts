import {
  AI_NOTE,
  BLOCK_KIT_LIMITS,
  SLACK_ACTION_IDS,
  renderAnswerBlocks,
  renderNoticeBlocks,
  renderPinBoardBlocks,
  validateBlockKitMessage,
  verbForActionId,
  type Block,
} from '../../src/cards';
import { anAnswer, aTableAnswer, somePins } from './factories';

/** Every mrkdwn or plain text in the blocks, in order. */
function textsOf(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'section') {
      return [...(block.text ? [block.text.text] : []), ...(block.fields ?? []).map((f) => f.text)];
    }
    if (block.type === 'context') return block.elements.map((element) => element.text);
    if (block.type === 'actions') return block.elements.map((button) => button.text.text);
    return [];
  });
}

function buttonsOf(blocks: Block[]) {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
}

describe('renderAnswerBlocks', () => {
  it('draws title, summary in mrkdwn, facts as fields, sources as links and suggestions', () => {
    const message = renderAnswerBlocks(anAnswer());

    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'CVE-2021-44228 (Log4Shell)', emoji: true },
    });
    const texts = textsOf(message.blocks);
    expect(texts).toContain(
      '*Critical* remote code execution in Apache Log4j 2.\n\n• Exploited in the wild\n' +
        '• On the CISA KEV list',
    );
    expect(texts).toContain('*CVSS*\n10.0 (critical)');
    expect(texts).toContain(
      '*Sources*\n• <https://nvd.nist.gov/vuln/detail/CVE-2021-44228|NVD CVE-2021-44228>\n' +
        '• CISA KEV catalog',
    );
    expect(texts).toContain('*You could ask next*\n• Which of our devices run Log4j?');
    expect(validateBlockKitMessage(message)).toEqual([]);
  });

  it('gives notifications a fallback text: the title and the start of the summary', () => {
    const { text } = renderAnswerBlocks(anAnswer({ demoData: true }));
    expect(text).toBe(
      '[Demo data] CVE-2021-44228 (Log4Shell): Critical remote code execution in Apache Log4j ' +
        '2. Exploited in the wild On the CISA KEV list',
    );
  });

  it('labels demo data and always carries the AI notice', () => {
    const texts = textsOf(renderAnswerBlocks(anAnswer({ demoData: true })).blocks);
    expect(texts[0]).toMatch(/^:warning: \*Demo data\*: this answer uses Warden's built-in demo/);
    expect(texts).toContain(`_${AI_NOTE}_`);
    expect(textsOf(renderAnswerBlocks(anAnswer()).blocks).join('\n')).not.toContain('Demo data');
  });

  it('offers Pin, thumbs up, thumbs down and Share carrying only the turn id', () => {
    const buttons = buttonsOf(renderAnswerBlocks(anAnswer()).blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([
      'warden.pin',
      'warden.feedback.up',
      'warden.feedback.down',
      'warden.share',
    ]);
    for (const button of buttons) expect(button.value).toBe('turn-1');
  });

  it('offers Unpin and says who pinned once the answer is pinned', () => {
    const at = '2025-01-10T09:30:00.000Z';
    const message = renderAnswerBlocks(anAnswer(), { mode: 'answer', pinned: { by: 'W222', at } });
    expect(buttonsOf(message.blocks)[0]).toMatchObject({
      action_id: 'warden.unpin',
      value: 'turn-1',
    });
    expect(textsOf(message.blocks)).toContain(
      ':pushpin: Pinned by <@W222> · <!date^1736501400^{date_short_pretty} {time}|2025-01-10 ' +
        '09:30 UTC>',
    );
  });

  it('offers only feedback on a refusal and nothing on an error, which shows its reference', () => {
    const refusal = renderAnswerBlocks(anAnswer({ kind: 'refusal' }));
    expect(buttonsOf(refusal.blocks).map((b) => b.action_id)).toEqual([
      'warden.feedback.up',
      'warden.feedback.down',
    ]);
    const error = renderAnswerBlocks(anAnswer({ kind: 'error', correlationId: 'corr-9' }));
    expect(buttonsOf(error.blocks)).toEqual([]);
    expect(textsOf(error.blocks)).toContain('Reference id for support: `corr-9`');
  });

  it('attributes a shared answer to the person and the channel it came from', () => {
    const sharedFrom = {
      by: 'W111',
      conversationName: 'inc-2041-phishing',
      at: '2025-01-10T09:30:00Z',
    };
    const texts = textsOf(renderAnswerBlocks(anAnswer({ sharedFrom })).blocks);
    expect(texts.find((t) => t.startsWith('Shared by'))).toMatch(
      /^Shared by <@W111> from #inc-2041-phishing · <!date\^\d+\^/,
    );
  });

  it('shows a table as monospaced text and counts the rows it left out', () => {
    const message = renderAnswerBlocks(aTableAnswer(40));
    const texts = textsOf(message.blocks);
    const table = texts.find((t) => t.startsWith('```')) ?? '';
    expect(table.split('\n')[1]).toMatch(/^Time\s+User\s+IP\s+Risk$/);
    expect(table).toContain('bob.lee@contoso.com  185.220.101.4');
    expect(texts).toContain('*Sign-ins this week*');
    expect(texts).toContain('+25 more rows');
    expect(validateBlockKitMessage(message)).toEqual([]);
  });

  it('stays within Slack’s limits however large the answer is', () => {
    const huge = aTableAnswer(500, {
      title: 'T'.repeat(400),
      summary: Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ${'word '.repeat(30)}`).join(
        '\n\n',
      ),
      facts: Array.from({ length: 60 }, (_, i) => ({
        label: `Fact ${i}`,
        value: 'v'.repeat(3000),
      })),
      sources: Array.from({ length: 50 }, (_, i) => ({
        title: `Source ${i} ${'s'.repeat(300)}`,
        url: `https://example.com/${i}`,
        kind: 'threat-intel' as const,
      })),
      suggestions: Array.from({ length: 20 }, (_, i) => `Suggestion ${i}`),
    });
    huge.table!.columns = Array.from({ length: 12 }, (_, i) => `Column ${i}`);
    huge.table!.rows = huge.table!.rows.map((row) =>
      [...row, ...row, ...row].map((c) => c + 'x'.repeat(50)),
    );

    const message = renderAnswerBlocks(huge, {
      mode: 'answer',
      pinned: { by: 'W1', at: '2025-01-10T00:00:00Z' },
      notice: 'Pinned.',
    });

    expect(validateBlockKitMessage(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.messageBlocks);
    expect(textsOf(message.blocks)).toContain(
      'Trimmed to fit Slack. Ask a narrower question to see the rest.',
    );
    expect(buttonsOf(message.blocks)).toHaveLength(4);
  });

  it('opens a /warden ask answer with who asked what, escaped', () => {
    const message = renderAnswerBlocks(anAnswer(), undefined, {
      askedBy: { userId: 'W111', question: 'is <!channel> & co safe?' },
    });
    expect(message.blocks[0]).toMatchObject({
      type: 'context',
      block_id: 'warden.asked',
      elements: [{ type: 'mrkdwn', text: '<@W111> asked: is &lt;!channel&gt; &amp; co safe?' }],
    });
  });
});

describe('verbForActionId', () => {
  it('maps each button back to its card action verb and nothing else', () => {
    for (const [verb, actionId] of Object.entries(SLACK_ACTION_IDS)) {
      expect(verbForActionId(actionId)).toBe(verb);
    }
    expect(verbForActionId('warden.delete')).toBeUndefined();
  });
});

describe('renderPinBoardBlocks', () => {
  it('lists pins newest first with who pinned them, the demo label and the AI notice', () => {
    const message = renderPinBoardBlocks(somePins(3), 'inc-2041-phishing');
    const texts = textsOf(message.blocks);
    expect(texts[0]).toBe('📌 Pin board · #inc-2041-phishing');
    expect(texts[1]).toBe('*Answer 0*\nSummary 0 with a link.');
    expect(texts[2]).toMatch(/^\*Demo data\* · Pinned by Analyst 0 · <!date\^/);
    expect(texts[texts.length - 1]).toBe(`_${AI_NOTE}_`);
    expect(message.text).toBe('3 pinned answers in #inc-2041-phishing');
    expect(validateBlockKitMessage(message)).toEqual([]);
  });

  it('says how to pin when the board is empty, and counts pins it cannot show', () => {
    expect(textsOf(renderPinBoardBlocks([]).blocks)[1]).toMatch(/^Nothing is pinned here yet/);
    const crowded = renderPinBoardBlocks(somePins(30));
    expect(textsOf(crowded.blocks)).toContain('+10 older pins');
    expect(validateBlockKitMessage(crowded)).toEqual([]);
  });
});

describe('renderNoticeBlocks', () => {
  it('draws a title and a body with a plain fallback', () => {
    const message = renderNoticeBlocks('That button is stale', 'Ask the question again.');
    expect(message.text).toBe('That button is stale: Ask the question again.');
    expect(validateBlockKitMessage(message)).toEqual([]);
  });
});

describe('validateBlockKitMessage', () => {
  it('reports blocks over the limit, long sections and duplicate action ids', () => {
    const section = {
      type: 'section' as const,
      text: { type: 'mrkdwn' as const, text: 'x'.repeat(3001) },
    };
    const button = {
      type: 'button' as const,
      action_id: 'a',
      text: { type: 'plain_text' as const, text: 'Go' },
    };
    const problems = validateBlockKitMessage({
      text: 'fallback',
      blocks: [
        ...Array.from({ length: 50 }, () => ({ type: 'divider' as const })),
        section,
        { type: 'actions', elements: [button, button] },
      ],
    });
    expect(problems).toEqual([
      'blocks: 52 blocks, over the limit of 50',
      'blocks[50].text: 3001 characters, over the limit of 3000',
      'blocks[51].elements[1].action_id: duplicate "a"',
    ]);
  });
});
