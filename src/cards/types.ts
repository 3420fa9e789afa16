import type { CardActionVerb } from '../core/actions';

/**
 * The slice of Adaptive Card 1.5 JSON that Warden writes. Element and property names follow
 * the 1.5 schema (https://adaptivecards.io/schemas/1.5.0/adaptive-card.json).
 */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type TextColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  style?: 'default' | 'heading';
  size?: 'small' | 'default' | 'medium' | 'large';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: TextColor;
  isSubtle?: boolean;
  maxLines?: number;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface TableCell {
  type: 'TableCell';
  items: CardElement[];
}

export interface TableRow {
  type: 'TableRow';
  cells: TableCell[];
}

export interface TableElement extends ElementBase {
  type: 'Table';
  columns: { width: number }[];
  rows: TableRow[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
}

export interface ChoiceSetInput extends ElementBase {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: { title: string; value: string }[];
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded';
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends ElementBase {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export type CardElement =
  TextBlock | FactSet | TableElement | Container | ChoiceSetInput | TextInput;

/** Universal Actions button; Teams sends it back as an `adaptiveCard/action` invoke. */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: CardActionVerb;
  /** Ids only: the server looks up everything else and re-checks the tenant. */
  data: { turnId: string };
  tooltip?: string;
  style?: 'default' | 'positive' | 'destructive';
  /** `none` lets Cancel skip input validation. */
  associatedInputs?: 'auto' | 'none';
}

export interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: '1.5';
  /** Shown by hosts that cannot draw the card (and read in notifications). */
  fallbackText?: string;
  body: CardElement[];
  actions?: ExecuteAction[];
}
