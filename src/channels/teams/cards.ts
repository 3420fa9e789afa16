import { type Activity, CardFactory } from 'botbuilder';
import { renderNoticeCard } from '../../cards';
import { card, heading, subtle, text } from '../../cards/elements';
import type { AdaptiveCard, CardElement } from '../../cards/types';
import { EXAMPLE_QUESTIONS } from '../../engine/scope';
import type { TeamsConversationKind } from './activity';
import { TEAMS_COMMANDS } from './commands';

/** Example questions on the welcome and help cards; the incident one shows channel context. */
const TEAMS_EXAMPLES = [...EXAMPLE_QUESTIONS, 'Which hosts talked to 185.220.101.4 today?'];

const CAPABILITIES =
  'I am a security copilot. Ask me in plain language about incidents and alerts, Entra ID ' +
  'sign-ins and risky users, Intune devices, CVEs and known exploited vulnerabilities, ' +
  'indicators such as IPs, domains and hashes, and MITRE ATT&CK techniques. I read your ' +
  'security data and public threat intelligence, cite my sources, and change nothing.';

export interface IntroOptions {
  kind: TeamsConversationKind;
  /** Says that answers come from the built-in demo tenant (DEMO_DATA=true). */
  demoData: boolean;
}

/** The card posted when Warden is added to a team, a group chat or a personal chat. */
export function renderWelcomeCard(options: IntroOptions): AdaptiveCard {
  return introCard("Hi, I'm Warden", options);
}

/** The answer to the `help` command. */
export function renderHelpCard(options: IntroOptions): AdaptiveCard {
  return introCard('What Warden can do', options);
}

/**
 * What a user sees when Warden failed: no internal detail, only an id that finds the log lines.
 */
export function renderApologyCard(correlationId: string): AdaptiveCard {
  return renderNoticeCard(
    'Sorry, Warden could not finish that',
    'Something went wrong on our side. Please try again. If it keeps happening, give your ' +
      `administrator the correlation id ${correlationId}.`,
  );
}

/** A message activity carrying one Adaptive Card, with its fallback text for notifications. */
export function cardActivity(content: AdaptiveCard): Partial<Activity> {
  return {
    type: 'message',
    attachments: [CardFactory.adaptiveCard(content)],
    ...(content.fallbackText && { summary: content.fallbackText }),
  };
}

function introCard(title: string, options: IntroOptions): AdaptiveCard {
  const body: CardElement[] = [heading(title), text(CAPABILITIES), text(howToAsk(options.kind))];
  body.push(text('Try asking', { weight: 'bolder', spacing: 'medium' }));
  body.push(
    text(TEAMS_EXAMPLES.map((question) => `- ${question}`).join('\n'), { spacing: 'small' }),
  );
  body.push(text('Commands', { weight: 'bolder', spacing: 'medium' }));
  body.push({
    type: 'FactSet',
    spacing: 'small',
    facts: TEAMS_COMMANDS.map((command) => ({ title: command.title, value: command.description })),
  });
  body.push(
    subtle(
      'Every answer has 📌 Pin, 👍 / 👎 and Share buttons. Pins collect on the pin board ' +
        'of the channel or chat.',
    ),
  );
  if (options.demoData) {
    body.push(
      subtle(
        "Until your organisation's security data is connected, answers use Warden's built-in " +
          'demo tenant and say **Demo data**.',
      ),
    );
  }
  return card(body, [], title);
}

function howToAsk(kind: TeamsConversationKind): string {
  if (kind === 'personal') return 'Ask me about your organisation’s security, right here.';
  return (
    'Mention **@Warden** with your question and I answer in the thread. In a channel named ' +
    'after an incident, such as inc-2041-phishing, I know which incident you mean.'
  );
}
