import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { requestJson } from '../../support/in-process';

/* eslint-disable @typescript-eslint/no-explicit-any -- activities are untyped JSON here */

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'teams');

/** The ids the fixtures use: one Contoso tenant, one team, its channels and chats. */
export const IDS = {
  tenant: 'b3a1c9e2-5d4f-4b8a-9c7e-2f1d6e8a4b10',
  bot: '28:9f3c2a61-7d4e-4b1a-8c55-0e6b7d2f1a93',
  team: '19:Qx7kZ2pLmN4vR8tW1yB3cD5fG6hJ9sA0@thread.tacv2',
  incidentChannel: '19:8d2f4a6c1e3b5d7f9a0c2e4b6d8f1a3c@thread.tacv2',
  socChannel: '19:5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a@thread.tacv2',
  groupChat: '19:2c4e6a8b0d2f4a6c8e0b2d4f6a8c0e2b@thread.v2',
  alexChat: 'a:1Wm3Qx9Lp0Zt7Ke2Rb5Nc8Jv4Hs6Dy1Gf3Ua9Oi2Xw5Tq7Ml0Pe4Bz8Cn6Vr',
  priyaChat: 'a:1Zy4Xw8Vu2Ts6Rq0Po4Nm8Lk2Ji6Hg0Fe4Dc8Ba2Zy6Xw0Vu4Ts8',
  alex: '6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  /** The root post of the incident channel's thread in the fixtures. */
  incidentThread: '1733231245123',
};

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** A fixture as the Bot Connector would post it to this test's stand-in. */
export function fixture(name: string, serviceUrl: string): any {
  const activity = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
  activity.serviceUrl = serviceUrl;
  return activity;
}

/** The channel mention fixture, optionally asking something else as another root post. */
export function channelMention(serviceUrl: string, question?: string, postId?: string): any {
  const activity = fixture('message.channel-mention', serviceUrl);
  if (question) {
    activity.text = `<at>Warden</at> ${question}`;
    activity.attachments[0].content =
      '<p><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">Warden</span>' +
      `&nbsp;${question}</p>`;
  }
  if (postId) {
    activity.id = postId;
    activity.conversation.id = `${IDS.incidentChannel};messageid=${postId}`;
  }
  return activity;
}

export function personalMessage(serviceUrl: string, text: string): any {
  const activity = fixture('message.personal', serviceUrl);
  activity.text = text;
  activity.attachments = [{ contentType: 'text/html', content: `<p>${text}</p>` }];
  return activity;
}

/** The card-action invoke fixture with this verb, turn and input values. */
export function cardAction(
  serviceUrl: string,
  verb: string,
  turnId: string,
  inputs: Record<string, unknown> = {},
  cardMessageId = 'stand-in-card',
): any {
  const activity = fixture('invoke.adaptiveCard-action', serviceUrl);
  activity.value.action.verb = verb;
  activity.value.action.data = { turnId, ...inputs };
  activity.replyToId = cardMessageId;
  return activity;
}

export function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}) {
  return requestJson(`${url}/api/messages`, { body: activity, headers });
}

/** The Adaptive Card a recorded message carries. */
export function cardOf(activity: any): any {
  const attachment = (activity?.attachments ?? []).find(
    (a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  return attachment?.content;
}

/** The turn id a card's actions refer to. */
export function turnIdOf(card: any): string {
  return card.actions[0].data.turnId;
}

export function verbsOf(card: any): string[] {
  return (card?.actions ?? []).map((action: any) => action.verb);
}
