import { validateAdaptiveCard } from '../../../src/cards';
import { IDS, cardAction, cardOf, fixture, postActivity } from './activities';
import { type TeamsTestWarden, startTeamsWarden } from './harness';

const INTERNAL_DETAIL = 'SQLITE_BUSY: database is locked at /var/lib/warden/warden.db';
const CORRELATION_ID = /correlation id ([0-9a-f-]{36})/;

function correlationIdOf(card: unknown): string {
  const match = CORRELATION_ID.exec(JSON.stringify(card));
  if (!match) throw new Error(`no correlation id on ${JSON.stringify(card)}`);
  return match[1];
}

describe('Teams failures', () => {
  describe('when the engine throws', () => {
    let app: TeamsTestWarden;
    beforeAll(async () => {
      const engine = {
        handle: async () => {
          throw new Error(INTERNAL_DETAIL);
        },
      };
      app = await startTeamsWarden({}, { engine });
    });
    afterAll(() => app.close());

    it('shows a short apology card with a correlation id; the detail is logged', async () => {
      const { status } = await postActivity(
        app.url,
        fixture('message.channel-mention', app.connector.url),
      );

      expect(status).toBe(200);
      const [reply] = app.connector.messages();
      expect(reply.activityId).toBe(IDS.incidentThread);
      const card = cardOf(reply.activity);
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(JSON.stringify(card)).toMatch(/Sorry, Warden could not finish that/);
      expect(JSON.stringify(card)).not.toMatch(/SQLITE|warden\.db/);
      const id = correlationIdOf(card);
      const logged = app.logs.find((line) => line.fields.correlationId === id);
      expect(logged).toMatchObject({ level: 'error', fields: { component: 'teams' } });
      expect(String((logged?.fields.err as Error).message)).toBe(INTERNAL_DETAIL);
    });
  });

  describe('when the store fails under a card action', () => {
    let app: TeamsTestWarden;
    beforeAll(async () => {
      app = await startTeamsWarden();
    });
    afterAll(() => app.close());

    it('answers 200 with an apology card instead of a 500', async () => {
      await postActivity(app.url, fixture('message.personal', app.connector.url));
      const turnId = cardOf(app.connector.messages()[0].activity).actions[0].data.turnId;
      await app.warden.store.close();
      const invoke = cardAction(app.connector.url, 'feedback.up', turnId);
      invoke.conversation = {
        conversationType: 'personal',
        tenantId: IDS.tenant,
        id: IDS.alexChat,
      };

      const { status, body } = await postActivity(app.url, invoke);

      expect(status).toBe(200);
      expect(body.statusCode).toBe(200);
      const id = correlationIdOf(body.value);
      expect(app.logs.some((line) => line.fields.correlationId === id)).toBe(true);
    });
  });

  describe('when even the reply cannot be sent', () => {
    let app: TeamsTestWarden;
    beforeAll(async () => {
      app = await startTeamsWarden();
    });
    afterAll(() => app.close());

    it('logs the failure with a correlation id and still answers the Bot Connector', async () => {
      app.connector.refusePosts = true;

      const { status } = await postActivity(
        app.url,
        fixture('message.personal', app.connector.url),
      );

      expect(status).toBe(200);
      const failed = app.logs.filter((line) => line.level === 'error');
      expect(failed.map((line) => line.msg)).toEqual([
        expect.stringMatching(/^Teams turn failed \(correlation id [0-9a-f-]{36}\)$/),
        'the apology card could not be sent either',
      ]);
    });
  });
});
