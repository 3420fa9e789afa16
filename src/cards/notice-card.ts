import { card, heading, text } from './elements';
import type { AdaptiveCard } from './types';

/**
 * A short card for actions Warden refused (a forged or stale button, another tenant's answer) or
 * anything else that needs one line of explanation instead of an answer.
 */
export function renderNoticeCard(title: string, body: string): AdaptiveCard {
  return card([heading(title), text(body)], [], `${title}: ${body}`);
}
