import {
  BLOCK_KIT_LIMITS as L,
  type Block,
  type InputElement,
  type ModalView,
  type SlackMessage,
  type TextObject,
} from './block-kit-types';

/**
 * Checks a message or modal against the Block Kit limits Slack enforces with `invalid_blocks`,
 * so a renderer bug shows up in tests instead of as a silent failure to post. Returns one line
 * per problem; empty means valid.
 */
export function validateBlockKitMessage(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (message.text.trim() === '') problems.push('text: the fallback text is empty');
  if (message.text.length > L.fallbackTextChars) problems.push('text: longer than 40,000');
  if (message.blocks.length > L.messageBlocks) {
    problems.push(`blocks: ${message.blocks.length} blocks, over the limit of ${L.messageBlocks}`);
  }
  problems.push(...checkBlocks(message.blocks, false));
  return problems;
}

export function validateModalView(view: ModalView): string[] {
  const problems: string[] = [];
  checkText(problems, 'title', view.title, L.modalTitleChars, 'plain_text');
  if (view.submit) checkText(problems, 'submit', view.submit, L.modalButtonChars, 'plain_text');
  if (view.close) checkText(problems, 'close', view.close, L.modalButtonChars, 'plain_text');
  if (!view.callback_id || view.callback_id.length > L.callbackIdChars) {
    problems.push('callback_id: missing or too long');
  }
  if ((view.private_metadata ?? '').length > L.privateMetadataChars) {
    problems.push('private_metadata: longer than 3,000 characters');
  }
  if (view.blocks.length > L.modalBlocks) problems.push('blocks: over the limit of 100');
  if (view.blocks.some((block) => block.type === 'input') && !view.submit) {
    problems.push('submit: a modal with inputs needs a submit button');
  }
  problems.push(...checkBlocks(view.blocks, true));
  return problems;
}

function checkBlocks(blocks: Block[], inModal: boolean): string[] {
  const problems: string[] = [];
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((block, index) => {
    const at = `blocks[${index}]`;
    if (block.block_id !== undefined) {
      if (block.block_id.length > L.blockIdChars) problems.push(`${at}.block_id: too long`);
      if (blockIds.has(block.block_id)) problems.push(`${at}.block_id: duplicate`);
      blockIds.add(block.block_id);
    }
    problems.push(...checkBlock(block, at, inModal, actionIds));
  });
  return problems;
}

function checkBlock(block: Block, at: string, inModal: boolean, actionIds: Set<string>): string[] {
  const problems: string[] = [];
  switch (block.type) {
    case 'header':
      checkText(problems, `${at}.text`, block.text, L.headerChars, 'plain_text');
      break;
    case 'section':
      if (!block.text && !block.fields) problems.push(`${at}: a section needs text or fields`);
      if (block.text) checkText(problems, `${at}.text`, block.text, L.sectionTextChars);
      if (block.fields && block.fields.length > L.sectionFields) {
        problems.push(`${at}.fields: more than ${L.sectionFields}`);
      }
      block.fields?.forEach((field, i) =>
        checkText(problems, `${at}.fields[${i}]`, field, L.fieldChars),
      );
      break;
    case 'context':
      if (block.elements.length === 0 || block.elements.length > L.contextElements) {
        problems.push(`${at}.elements: 1 to ${L.contextElements} elements`);
      }
      block.elements.forEach((el, i) => checkText(problems, `${at}.elements[${i}]`, el, 3000));
      break;
    case 'actions':
      if (block.elements.length === 0 || block.elements.length > L.actionElements) {
        problems.push(`${at}.elements: 1 to ${L.actionElements} elements`);
      }
      block.elements.forEach((button, i) => {
        const where = `${at}.elements[${i}]`;
        checkText(problems, `${where}.text`, button.text, L.buttonTextChars, 'plain_text');
        if ((button.value ?? '').length > L.buttonValueChars) problems.push(`${where}.value`);
        checkActionId(problems, where, button.action_id, actionIds);
      });
      break;
    case 'input':
      if (!inModal) problems.push(`${at}: input blocks belong in modals`);
      checkText(problems, `${at}.label`, block.label, L.inputLabelChars, 'plain_text');
      checkActionId(problems, `${at}.element`, block.element.action_id, actionIds);
      problems.push(...checkInputElement(block.element, `${at}.element`));
      break;
    case 'divider':
      break;
  }
  return problems;
}

function checkInputElement(element: InputElement, at: string): string[] {
  const problems: string[] = [];
  if (element.type === 'checkboxes') {
    if (element.options.length === 0 || element.options.length > L.checkboxOptions) {
      problems.push(`${at}.options: 1 to ${L.checkboxOptions} options`);
    }
    element.options.forEach((option, i) => {
      checkText(problems, `${at}.options[${i}].text`, option.text, L.optionTextChars);
      if (option.value.length > L.optionValueChars) problems.push(`${at}.options[${i}].value`);
    });
  }
  if (element.type === 'plain_text_input' && (element.max_length ?? 0) > L.plainTextInputChars) {
    problems.push(`${at}.max_length: over ${L.plainTextInputChars}`);
  }
  return problems;
}

function checkActionId(problems: string[], at: string, id: string, seen: Set<string>): void {
  if (!id || id.length > L.actionIdChars) problems.push(`${at}.action_id: missing or too long`);
  if (seen.has(id)) problems.push(`${at}.action_id: duplicate "${id}"`);
  seen.add(id);
}

function checkText(
  problems: string[],
  at: string,
  text: TextObject,
  maxChars: number,
  type?: TextObject['type'],
): void {
  if (type && text.type !== type) problems.push(`${at}: must be ${type}`);
  if (text.type !== 'plain_text' && text.type !== 'mrkdwn') problems.push(`${at}: unknown type`);
  if (text.text.length === 0) problems.push(`${at}: empty text`);
  if (text.text.length > maxChars) {
    problems.push(`${at}: ${text.text.length} characters, over the limit of ${maxChars}`);
  }
}
