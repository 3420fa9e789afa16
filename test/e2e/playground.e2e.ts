import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SqliteStore } from '../../src/store/sqlite';
import { launchChromium } from '../support/browser';
import { type WardenProcess, startWarden } from '../support/warden-process';

const QUESTION = 'Which of our users had risky sign-ins this week?';

describe('web playground in headless Chromium', () => {
  let warden: WardenProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    warden = await startWarden();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${warden.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await warden?.stop();
  });

  const lastAnswer = () => page.getByTestId('answer').last();

  it('answers a risky sign-in question with a demo-data card and its sources', async () => {
    await expect(page.getByTestId('conversation-title').textContent()).resolves.toBe(
      '#inc-2041-phishing',
    );

    await page.getByTestId('question').fill(QUESTION);
    await page.getByTestId('send').click();

    const card = lastAnswer();
    await card.getByText('Demo data', { exact: false }).first().waitFor();
    await expect(card.getByText('Sources', { exact: true }).count()).resolves.toBe(1);
    await expect(card.textContent()).resolves.toMatch(/Bob Lee/);
  });

  it('pins the answer to the Pin Board', async () => {
    await lastAnswer().getByRole('button', { name: /Pin/ }).click();

    await lastAnswer()
      .getByText(/Pinned by Alex Kim/)
      .waitFor();
    const pin = page.getByTestId('pin-board').locator('li').first();
    await pin.waitFor();
    await expect(pin.textContent()).resolves.toMatch(/Pinned by Alex Kim/);
  });

  it('stores thumbs-down feedback with the reason Incomplete and a comment', async () => {
    await lastAnswer()
      .getByRole('button', { name: /👎|Not helpful/ })
      .click();
    await lastAnswer().getByText('Incomplete').click();
    await lastAnswer()
      .locator('textarea, input[type="text"]')
      .first()
      .fill('Missing the sign-in locations.');
    await lastAnswer()
      .getByRole('button', { name: /Submit|Send feedback/ })
      .click();
    await lastAnswer().getByText(/Thank/).waitFor();

    const store = new SqliteStore({ path: path.join(warden.dataDir, 'warden.db') });
    const feedback = await store.query<{ rating: string; reasons: string[]; comment: string }>(
      'feedback',
      'demo-tenant',
    );
    await store.close();
    expect(feedback).toEqual([
      expect.objectContaining({
        rating: 'down',
        reasons: ['incomplete'],
        comment: 'Missing the sign-in locations.',
      }),
    ]);
  });

  it('shares the answer into another conversation with attribution', async () => {
    await lastAnswer().getByRole('button', { name: /Share/ }).click();
    await lastAnswer().locator('select').selectOption({ label: '#soc-triage' });
    await lastAnswer()
      .getByRole('button', { name: /^Share$/ })
      .click();
    await page
      .getByTestId('toast')
      .getByText(/soc-triage/)
      .waitFor();

    await page.getByTestId('conversation-list').getByText('#soc-triage').click();
    await page.getByTestId('conversation-title').getByText('#soc-triage').waitFor();
    const shared = lastAnswer();
    await shared.getByText(/Shared by Alex Kim/).waitFor();
    await expect(shared.textContent()).resolves.toMatch(/inc-2041-phishing/);
  });
});
