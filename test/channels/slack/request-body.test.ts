import { parseSlackBody } from '../../../src/channels/slack/request-body';
import { fixture } from './requests';

describe('parseSlackBody', () => {
  it('reads a slash command’s plain form, with or without a charset', () => {
    const raw = Buffer.from(fixture<string>('slash_command.warden.form-urlencoded.txt'));
    for (const type of [
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-8',
    ]) {
      expect(parseSlackBody(raw, type)).toMatchObject({
        command: '/warden',
        text: 'help',
        channel_name: 'inc-2041-phishing',
        response_url: 'https://hooks.slack.com/commands/T111/111/xxxxx',
      });
    }
  });

  it('reads an interaction from its payload field', () => {
    const payload = fixture('block_actions.payload.json');
    const raw = Buffer.from(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(parseSlackBody(raw, 'application/x-www-form-urlencoded')).toEqual(payload);
  });

  it('reads events as JSON', () => {
    const envelope = fixture('app_mention.event_callback.json');
    expect(parseSlackBody(Buffer.from(JSON.stringify(envelope)), 'application/json')).toEqual(
      envelope,
    );
  });

  it('refuses malformed JSON and JSON that is not an object', () => {
    for (const text of ['{oops', '[1,2]', 'null']) {
      expect(() => parseSlackBody(Buffer.from(text), 'application/json')).toThrow(
        expect.objectContaining({ code: 'slack_body_malformed', status: 400 }),
      );
    }
  });
});
