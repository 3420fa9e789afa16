import type { CardView } from '../core/actions';
import type { Answer, Source } from '../core/answer';
import { renderWithinBudget, type CardContent } from './budget';
import {
  aiNote,
  card,
  channelName,
  execute,
  formatUtc,
  heading,
  subtle,
  table,
  text,
} from './elements';
import { feedbackForm, feedbackFormActions, shareForm, shareFormActions } from './forms';
import { isWebUrl, markdownLink, toCardMarkdown } from './markdown';
import type { AdaptiveCard, CardElement, ExecuteAction } from './types';

/**
 * Draws an answer as an Adaptive Card 1.5, in the variant `view` asks for. The card stays under
 * the Teams size limit: long summaries and tables are cut and the card says so.
 */
export function renderAnswerCard(
  answer: Answer,
  view: CardView = { mode: 'answer' },
): AdaptiveCard {
  return renderWithinBudget(answer, (content) => drawAnswer(content, view));
}

function drawAnswer(content: CardContent, view: CardView): AdaptiveCard {
  const { answer } = content;
  const mode = effectiveMode(answer, view);
  const body: CardElement[] = [
    ...labelBlocks(answer),
    heading(answer.title),
    ...summaryBlocks(answer),
    ...dataBlocks(content),
    ...sourceBlocks(answer.sources),
    ...suggestionBlocks(answer.suggestions ?? []),
    ...stateBlocks(view),
    aiNote(),
  ];
  if (mode === 'feedback-form') body.push(feedbackForm());
  if (mode === 'share-form') body.push(shareForm(view.shareTargets ?? []));
  return card(body, actionsFor(answer, view, mode), answer.title);
}

/** Error answers offer no actions, and only full answers can be shared. */
function effectiveMode(answer: Answer, view: CardView): CardView['mode'] {
  if (answer.kind === 'error') return 'answer';
  if (view.mode === 'share-form' && answer.kind !== 'answer') return 'answer';
  return view.mode;
}

function labelBlocks(answer: Answer): CardElement[] {
  const blocks: CardElement[] = [];
  if (answer.demoData) {
    const label = text(
      "**Demo data**: this answer uses Warden's built-in demo tenant, not your organisation's " +
        'systems.',
      { weight: 'bolder', color: 'warning' },
    );
    blocks.push({ type: 'Container', style: 'warning', items: [label] });
  }
  if (answer.sharedFrom) {
    const { by, conversationName, at } = answer.sharedFrom;
    const from = channelName(conversationName);
    blocks.push(subtle(`Shared by ${by} from ${from} · ${formatUtc(at)}`));
  }
  return blocks;
}

function summaryBlocks(answer: Answer): CardElement[] {
  const blocks: CardElement[] = [];
  const summary = toCardMarkdown(answer.summary);
  if (summary) blocks.push(text(summary, answer.kind === 'error' ? { color: 'attention' } : {}));
  if (answer.kind === 'error' && answer.correlationId) {
    blocks.push(subtle(`Reference id for support: ${answer.correlationId}`));
  }
  return blocks;
}

function dataBlocks(content: CardContent): CardElement[] {
  const { answer, hiddenRows, trimmed } = content;
  const blocks: CardElement[] = [];
  if (answer.facts && answer.facts.length > 0) {
    const facts = answer.facts.map((fact) => ({ title: fact.label, value: fact.value }));
    blocks.push({ type: 'FactSet', spacing: 'medium', facts });
  }
  if (answer.table && answer.table.columns.length > 0) {
    if (answer.table.caption) blocks.push(text(answer.table.caption, { weight: 'bolder' }));
    blocks.push(table(answer.table.columns, answer.table.rows));
  }
  if (hiddenRows > 0)
    blocks.push(subtle(`+${hiddenRows} more ${hiddenRows === 1 ? 'row' : 'rows'}`));
  if (trimmed) {
    blocks.push(subtle('Trimmed to fit the card. Ask a narrower question to see the rest.'));
  }
  return blocks;
}

function sourceBlocks(sources: Source[]): CardElement[] {
  if (sources.length === 0) return [];
  const lines = sources.map((source) => {
    const shown = source.url && isWebUrl(source.url);
    return `- ${shown ? markdownLink(source.title, source.url as string) : source.title}`;
  });
  return [
    text('Sources', { weight: 'bolder', spacing: 'medium' }),
    text(lines.join('\n'), { spacing: 'small' }),
  ];
}

function suggestionBlocks(suggestions: string[]): CardElement[] {
  if (suggestions.length === 0) return [];
  return [
    text('You could ask next', { weight: 'bolder', spacing: 'medium' }),
    text(suggestions.map((item) => `- ${item}`).join('\n'), { spacing: 'small' }),
  ];
}

function stateBlocks(view: CardView): CardElement[] {
  const blocks: CardElement[] = [];
  if (view.pinned) {
    blocks.push(subtle(`📌 Pinned by ${view.pinned.by} · ${formatUtc(view.pinned.at)}`));
  }
  if (view.feedback) {
    const verdict = view.feedback.rating === 'up' ? '👍 Helpful' : '👎 Not helpful';
    blocks.push(subtle(`${verdict}, says ${view.feedback.by}`));
  }
  if (view.notice) blocks.push(text(view.notice, { color: 'good', spacing: 'medium' }));
  return blocks;
}

function actionsFor(answer: Answer, view: CardView, mode: CardView['mode']): ExecuteAction[] {
  if (answer.kind === 'error') return [];
  if (mode === 'feedback-form') return feedbackFormActions(answer.turnId);
  if (mode === 'share-form') return shareFormActions(answer.turnId, view.shareTargets ?? []);
  const feedback = [
    execute('feedback.up', '👍', answer.turnId, { tooltip: 'Helpful' }),
    execute('feedback.down', '👎', answer.turnId, { tooltip: 'Not helpful' }),
  ];
  if (answer.kind !== 'answer') return feedback;
  const pin = view.pinned
    ? execute('unpin', 'Unpin', answer.turnId, { tooltip: 'Remove from the pin board' })
    : execute('pin', '📌 Pin', answer.turnId, { tooltip: 'Keep on the pin board' });
  const share = execute('share.open', 'Share', answer.turnId, {
    tooltip: 'Post to another conversation',
  });
  return [pin, ...feedback, share];
}
