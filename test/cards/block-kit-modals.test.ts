import {
  FEEDBACK_MODAL_ID,
  SHARE_MODAL_ID,
  feedbackModal,
  readModalOrigin,
  shareModal,
  validateModalView,
} from '../../src/cards';

const origin = { turnId: 'turn-1', channel: 'C111', messageTs: '1595926230.009700' };

describe('feedbackModal', () => {
  it('asks for a reason and an optional comment, and remembers where it came from', () => {
    const view = feedbackModal(origin);

    expect(view.callback_id).toBe(FEEDBACK_MODAL_ID);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual(origin);
    expect(view.blocks[0]).toMatchObject({
      type: 'input',
      block_id: 'warden.reasons',
      element: {
        type: 'checkboxes',
        action_id: 'reasons',
        options: [
          { text: { type: 'plain_text', text: 'Incorrect' }, value: 'incorrect' },
          { text: { type: 'plain_text', text: 'Unclear' }, value: 'unclear' },
          { text: { type: 'plain_text', text: 'Incomplete' }, value: 'incomplete' },
        ],
      },
    });
    expect(view.blocks[0]).not.toHaveProperty('optional');
    expect(view.blocks[1]).toMatchObject({
      type: 'input',
      optional: true,
      element: { type: 'plain_text_input', multiline: true, max_length: 1000 },
    });
    expect(validateModalView(view)).toEqual([]);
  });
});

describe('shareModal', () => {
  it('offers Slack’s conversation picker, limited to channels', () => {
    const view = shareModal(origin, true);

    expect(view.callback_id).toBe(SHARE_MODAL_ID);
    expect(view.submit?.text).toBe('Share');
    expect(view.blocks[0]).toMatchObject({
      type: 'input',
      block_id: 'warden.target',
      element: { type: 'conversations_select', filter: { include: ['public', 'private'] } },
    });
    expect(validateModalView(view)).toEqual([]);
  });

  it('explains there is nowhere to share yet and offers no Share button', () => {
    const view = shareModal(origin, false);
    expect(view.submit).toBeUndefined();
    expect(view.blocks).toHaveLength(1);
    expect(validateModalView(view)).toEqual([]);
  });
});

describe('readModalOrigin', () => {
  it('reads back what the modal carried, and nothing that Warden did not write', () => {
    expect(readModalOrigin(feedbackModal(origin).private_metadata)).toEqual(origin);
    expect(readModalOrigin('This is for you!')).toBeUndefined();
    expect(readModalOrigin('{"turnId":1,"channel":"C1"}')).toBeUndefined();
    expect(readModalOrigin(undefined)).toBeUndefined();
  });
});

describe('validateModalView', () => {
  it('reports a long title and inputs without a submit button', () => {
    const view = { ...feedbackModal(origin), submit: undefined };
    view.title = { type: 'plain_text', text: 'A title that is far too long for Slack' };
    expect(validateModalView(view)).toEqual([
      'title: 38 characters, over the limit of 24',
      'submit: a modal with inputs needs a submit button',
    ]);
  });
});
