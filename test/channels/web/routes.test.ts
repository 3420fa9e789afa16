import { type TestWarden, requestJson, startTestWarden } from '../../support/in-process';

const CONVERSATION = 'web-inc-2041-phishing';

describe('web playground API', () => {
  let app: TestWarden;
  const api = (path: string) => `${app.url}/api/web${path}`;
  const ask = (text: unknown, conversation = CONVERSATION) =>
    requestJson(api(`/conversations/${conversation}/messages`), {
      body: { text, userId: 'web-alex' },
    });

  beforeAll(async () => {
    app = await startTestWarden();
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves the playground page and the adaptivecards library', async () => {
    const page = await fetch(`${app.url}/`);
    const library = await fetch(`${app.url}/playground/vendor/adaptivecards.js`);

    expect(page.status).toBe(200);
    await expect(page.text()).resolves.toContain('Warden playground');
    expect(library.status).toBe(200);
    expect(library.headers.get('content-type')).toMatch(/javascript/);
  });

  it('lists the playground conversations of the demo tenant', async () => {
    const { status, body } = await requestJson(api('/session'));

    expect(status).toBe(200);
    expect(body.tenantId).toBe('demo-tenant');
    expect(body.conversations.map((c: { name: string }) => c.name)).toContain('#inc-2041-phishing');
  });

  it('answers a question with an Adaptive Card that cites sources and says demo data', async () => {
    const { status, body } = await ask('Which of our users had risky sign-ins this week?');

    expect(status).toBe(200);
    const card = JSON.stringify(body.turn.card);
    expect(body.turn.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card).toMatch(/Demo data/);
    expect(card).toMatch(/Sources/);
    expect(body.turn.card.actions.map((a: { verb: string }) => a.verb)).toEqual([
      'pin',
      'feedback.up',
      'feedback.down',
      'share.open',
    ]);
  });

  it('keeps the turn so the conversation shows it again after a reload', async () => {
    const { body: asked } = await ask('Show open high-severity incidents');
    const { body } = await requestJson(api(`/conversations/${CONVERSATION}/turns`));

    expect(body.turns.map((t: { turnId: string }) => t.turnId)).toContain(asked.turn.turnId);
  });

  it('refuses an empty question with a clear error', async () => {
    const { status, body } = await ask('   ');

    expect(status).toBe(400);
    expect(body.error.code).toBe('message_empty');
  });

  it('refuses a 100 KB question, names the limit, and keeps serving', async () => {
    const { status, body } = await ask('a'.repeat(100 * 1024));
    const after = await ask('What is T1059?');

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'message_too_long' });
    expect(body.error.message).toMatch(/4000/);
    expect(after.status).toBe(200);
  });

  it('answers malformed JSON with a 400 that says how to fix it', async () => {
    const { status, body } = await requestJson(api(`/conversations/${CONVERSATION}/messages`), {
      rawBody: '{"text": "risky sign-ins",',
    });

    expect(status).toBe(400);
    expect(body.error.code).toBe('body_malformed_json');
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('refuses a body that is not JSON', async () => {
    const { status, body } = await requestJson(api(`/conversations/${CONVERSATION}/messages`), {
      rawBody: 'text=hello',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expect(status).toBe(400);
    expect(body.error.code).toBe('body_not_json');
  });

  it('refuses an unknown card action id without touching the store', async () => {
    const { body: asked } = await ask('What is T1059?');
    const { status, body } = await requestJson(api(`/conversations/${CONVERSATION}/actions`), {
      body: { turnId: asked.turn.turnId, verb: 'delete.everything', userId: 'web-alex' },
    });

    expect(status).toBe(400);
    expect(body.error.message).toMatch(/Unknown action/);
  });

  it('refuses an action on a turn that does not exist', async () => {
    const { status, body } = await requestJson(api(`/conversations/${CONVERSATION}/actions`), {
      body: { turnId: 'no-such-turn', verb: 'pin', userId: 'web-alex' },
    });

    expect(status).toBe(404);
    expect(body.error.code).toMatch(/not_found/);
  });

  it('refuses an unknown conversation', async () => {
    const { status, body } = await ask('What is T1059?', 'no-such-room');

    expect(status).toBe(404);
    expect(body.error.code).toBe('conversation_not_found');
  });

  it('pins an answer and shows it on the Pin Board and in the export', async () => {
    const { body: asked } = await ask('Which hosts talked to 185.220.101.4 today?');
    const turnId = asked.turn.turnId;

    const pinned = await requestJson(api(`/conversations/${CONVERSATION}/actions`), {
      body: { turnId, verb: 'pin', userId: 'web-priya' },
    });
    const board = await requestJson(api(`/conversations/${CONVERSATION}/pins`));
    const exported = await fetch(api(`/conversations/${CONVERSATION}/pins/export`));

    expect(pinned.status).toBe(200);
    expect(JSON.stringify(pinned.body.card)).toMatch(/Pinned by Priya Nair/);
    expect(board.body.pins[0]).toMatchObject({ turnId, pinnedBy: 'Priya Nair' });
    await expect(exported.text()).resolves.toMatch(/# Pin Board: #inc-2041-phishing/);
  });

  it('answers an unknown route in the same error shape', async () => {
    const { status, body } = await requestJson(`${app.url}/api/nothing-here`);

    expect(status).toBe(404);
    expect(body.error.code).toBe('route_not_found');
  });
});
