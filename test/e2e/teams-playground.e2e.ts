import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  type AgentsPlayground,
  CONTOSO_CONTEXT,
  dropThreadTypingFrames,
  startAgentsPlayground,
} from '../support/agents-playground';
import { launchChromium } from '../support/browser';
import { type WardenProcess, startWarden } from '../support/warden-process';

/** What a failed run leaves behind for its reader (test-results/ is git-ignored). */
const RESULTS_DIR = path.join(__dirname, '..', '..', 'test-results');
const QUESTION = 'Which of our users had risky sign-ins this week?';
/**
 * Alex starts the thread and mentions Warden in a reply. The playground's client records a new
 * channel post only once its own request for it returns, and drops a bot reply to a post it has
 * not recorded yet; starting the thread first takes that race out of the test. Mentioning Warden
 * in a running incident discussion is an everyday use as well.
 */
const THREAD_STARTER = 'Triage: Bob Lee reported a suspicious sign-in prompt this morning.';
const { team, currentUser, bot } = CONTOSO_CONTEXT;

/** Hosts the page may reach: Warden and the playground. Anything else is refused and noted. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Where the playground's client loads Segoe UI fonts and an animation script from. */
const OFFICE_CDN_HOSTS = new Set(['res-1.cdn.office.net', 'res.cdn.office.net']);

describe('Warden in the Microsoft 365 Agents Playground (Teams, offline)', () => {
  let warden: WardenProcess;
  let playground: AgentsPlayground;
  let browser: Browser;
  let page: Page;
  const refusedRequests: string[] = [];
  let typingInThreads: string[] = [];

  beforeAll(async () => {
    // A progress message after 1 ms, so every run takes the same path: the progress message
    // first, then the answer card in its place.
    warden = await startWarden({ TEAMS_PROGRESS_AFTER_MS: '1' });
    playground = await startAgentsPlayground({ botEndpoint: `${warden.url}/api/messages` });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30000);
    // The client asks Microsoft's CDN for fonts and an animation script; it works without them.
    await page.route('**/*', (route) => {
      if (LOOPBACK_HOSTS.has(new URL(route.request().url()).hostname)) return route.continue();
      refusedRequests.push(route.request().url());
      return route.abort();
    });
    typingInThreads = await dropThreadTypingFrames(page, playground);
    await page.goto(playground.url);
  });

  afterAll(async () => {
    try {
      await saveEvidence();
      await browser?.close();
    } finally {
      await playground?.stop();
      await warden?.stop();
    }
  });

  async function saveEvidence(): Promise<void> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page?.screenshot({ path: path.join(RESULTS_DIR, 'teams-playground.png') });
    const wardenLog = warden?.output.join('\n') ?? 'Warden did not start.';
    writeFileSync(path.join(RESULTS_DIR, 'teams-playground.warden.log'), wardenLog);
    const playgroundLog = playground?.readLog() ?? 'The playground did not start.';
    writeFileSync(path.join(RESULTS_DIR, 'teams-playground.playground.log'), playgroundLog);
  }

  const thread = (): Locator => page.getByRole('group').filter({ hasText: THREAD_STARTER });
  const answerCard = (): Locator => thread().locator('.ac-adaptiveCard').last();

  async function mentionWarden(box: Locator, question: string): Promise<void> {
    await box.click();
    await page.keyboard.type(`@${bot.name}`);
    await page
      .getByRole('listbox', { name: 'Typeahead menu' })
      .getByRole('menuitem', { name: new RegExp(bot.name) })
      .click();
    await page.keyboard.type(` ${question}`);
    await page.keyboard.press('Enter');
  }

  it('answers a mention in an incident channel thread with an answer card', async () => {
    await page.getByRole('treeitem', { name: `${team.name} - ${team.channel.name}` }).click();
    await page.getByRole('textbox').first().click();
    await page.keyboard.type(THREAD_STARTER);
    await page.getByRole('button', { name: 'Post' }).click();
    await thread().waitFor();

    await mentionWarden(thread().getByRole('textbox'), QUESTION);

    const card = answerCard();
    await card.getByText('Demo data', { exact: false }).first().waitFor();
    await expect(card.textContent()).resolves.toMatch(/Bob Lee/);
    await expect(card.getByRole('button', { name: /Pin/ }).count()).resolves.toBe(1);
    await expect(thread().locator('.ac-adaptiveCard').count()).resolves.toBe(1);
    await expect(
      thread()
        .getByText(/Working on it|^Checking/)
        .count(),
    ).resolves.toBe(0);
    expect(typingInThreads.length).toBeGreaterThan(0);
  });

  it('pins the answer and shows the updated card', async () => {
    const card = answerCard();

    await card.getByRole('button', { name: /Pin/ }).click();

    await card.getByText(`Pinned by ${currentUser.name}`, { exact: false }).waitFor();
    await expect(card.getByRole('button', { name: 'Unpin' }).count()).resolves.toBe(1);
  });

  it('ran with telemetry off, the page asking only the Office CDN for fonts and assets', () => {
    const askedHosts = new Set(refusedRequests.map((url) => new URL(url).hostname));

    expect(playground.readLog()).not.toMatch(/Telemetry:/);
    expect([...askedHosts].filter((host) => !OFFICE_CDN_HOSTS.has(host))).toEqual([]);
  });
});
