/**
 * The slice of Slack Block Kit that Warden writes, with the limits Slack enforces. Names follow
 * the Block Kit reference: https://docs.slack.dev/reference/block-kit/blocks
 */
export const BLOCK_KIT_LIMITS = {
  /** Blocks in one message (modals and Home tabs allow 100). */
  messageBlocks: 50,
  modalBlocks: 100,
  sectionTextChars: 3000,
  sectionFields: 10,
  fieldChars: 2000,
  headerChars: 150,
  contextElements: 10,
  actionElements: 25,
  buttonTextChars: 75,
  buttonValueChars: 2000,
  actionIdChars: 255,
  blockIdChars: 255,
  modalTitleChars: 24,
  modalButtonChars: 24,
  callbackIdChars: 255,
  privateMetadataChars: 3000,
  inputLabelChars: 2000,
  checkboxOptions: 10,
  selectOptions: 100,
  optionTextChars: 75,
  optionValueChars: 150,
  plainTextInputChars: 3000,
  /** Slack truncates a message's top-level `text` beyond this. */
  fallbackTextChars: 40000,
} as const;

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export type TextObject = PlainText | Mrkdwn;

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value?: string;
  style?: 'primary' | 'danger';
  accessibility_label?: string;
}

export interface OptionObject {
  text: PlainText | Mrkdwn;
  value: string;
  description?: PlainText;
}

export interface CheckboxesElement {
  type: 'checkboxes';
  action_id: string;
  options: OptionObject[];
}

export interface PlainTextInputElement {
  type: 'plain_text_input';
  action_id: string;
  multiline?: boolean;
  max_length?: number;
  placeholder?: PlainText;
}

export interface ConversationsSelectElement {
  type: 'conversations_select';
  action_id: string;
  placeholder?: PlainText;
  filter?: {
    include?: ('im' | 'mpim' | 'private' | 'public')[];
    exclude_external_shared_channels?: boolean;
    exclude_bot_users?: boolean;
  };
}

export type InputElement = CheckboxesElement | PlainTextInputElement | ConversationsSelectElement;

export interface HeaderBlock {
  type: 'header';
  block_id?: string;
  text: PlainText;
}

export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
}

export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: TextObject[];
}

export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: ButtonElement[];
}

export interface InputBlock {
  type: 'input';
  block_id: string;
  label: PlainText;
  element: InputElement;
  optional?: boolean;
  hint?: PlainText;
}

export type Block =
  HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock | InputBlock;

/** What `chat.postMessage` and `chat.update` take: blocks and the notification text. */
export interface SlackMessage {
  /** Plain fallback shown in notifications and to screen readers. */
  text: string;
  blocks: Block[];
}

export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  submit?: PlainText;
  close?: PlainText;
  private_metadata?: string;
  blocks: Block[];
}
