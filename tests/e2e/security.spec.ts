// What Gloss exposes to the web: nothing a page can call or load, a strict policy for its own
// pages, the fewest permissions, and a card the page's CSS cannot hide or restyle.
import type { Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, test } from './fixtures';
import { cardIn, cardShown, hoverMention, waitForMarks } from '../../scripts/hover';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_security_policy?: { extension_pages?: string };
}

test('the manifest asks for little and exposes nothing', () => {
  const manifest = JSON.parse(
    readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'),
  ) as Manifest;
  expect(manifest.permissions).toEqual(['storage', 'alarms']);
  expect(manifest.host_permissions).toBeUndefined();
  // Notifications and feed hosts are asked for when the reader turns them on.
  expect(manifest.optional_permissions).toEqual(['notifications']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.externally_connectable).toBeUndefined();
  // Only the card's frame is reachable from pages, and only at the session's own address.
  expect(manifest.web_accessible_resources).toEqual([
    { resources: ['card.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
  ]);
  const policy = manifest.content_security_policy?.extension_pages ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toMatch(/unsafe/);
  // Web pages may frame (the card); nothing else widens the policy.
  expect(policy.replace('frame-ancestors http: https:', '')).not.toMatch(/https?:/);
});

test('a page can neither message Gloss nor load its files', async ({ launch, server }) => {
  const { context, extensionId } = await launch();
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  const reach = await page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
      ?.runtime;
    const loads = async (path: string) => {
      try {
        await fetch(`chrome-extension://${id}/${path}`);
        return true;
      } catch {
        return false;
      }
    };
    return {
      canMessage: typeof runtime?.sendMessage === 'function',
      popup: await loads('popup.html'),
      // The card's page is web-accessible only at the session's address, which no page knows.
      card: await loads('card.html'),
    };
  }, extensionId);
  expect(reach).toEqual({ canMessage: false, popup: false, card: false });
});

test('a page hears nothing from Gloss: no window messages', async ({ launch, server }) => {
  const { context } = await launch();
  await context.addInitScript(() => {
    const heard: unknown[] = [];
    (window as unknown as { heard: unknown[] }).heard = heard;
    window.addEventListener('message', (event) => heard.push(event.data));
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  await waitForMarks(page);
  await hoverMention(page, 'ASEAN');
  expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
});

test("the page's CSS cannot hide, shrink or recolour the card", async ({ launch, server }) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  await page.addStyleTag({
    content: `
      html > *:not(body):not(head), div, iframe {
        display: none !important; opacity: 0 !important; transform: scale(0) !important; }
      * { color: rgb(255, 0, 0) !important; font-size: 2px !important; }`,
  });
  await hoverMention(page, 'ASEAN');
  expect(await cardShown(page)).toBe(true);
  const card: Locator = cardIn(page);
  await expect(card).toBeVisible();
  const box = await card.boundingBox();
  expect(box!.width).toBeGreaterThan(250);
  const title = card.locator('.title');
  await expect(title).toHaveText('ASEAN');
  expect(await title.evaluate((element) => getComputedStyle(element).color)).not.toBe(
    'rgb(255, 0, 0)',
  );
  expect(
    await title.evaluate((element) => parseFloat(getComputedStyle(element).fontSize)),
  ).toBeGreaterThan(10);
  // Every link the card offers goes to the web, in a new tab that cannot reach back to the page.
  const links = await card.locator('a').evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      href: anchor.getAttribute('href'),
      rel: anchor.getAttribute('rel') ?? '',
    })),
  );
  expect(links.length).toBeGreaterThan(2);
  for (const link of links) {
    expect(link.href).toMatch(/^https?:\/\//);
    expect(link.rel).toContain('noopener');
  }
});
