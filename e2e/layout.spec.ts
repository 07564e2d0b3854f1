import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { authFile, expect, test } from "./fixtures";
import { t, type Locale } from "./i18n";
import { pagesFor } from "./page-catalogue";

/**
 * No page is wider than the viewport, on a phone (390×844) and a laptop (1280×800), in both languages,
 * as the privacy manager (who sees every page): a wide table scrolls inside its own card, never the
 * whole page. Every page of the app (page-catalogue.ts: the sidebar's, the others, and the pages of one
 * record of each kind).
 * On the phone, no table cell squeezes its words either (squeezedCells below).
 * Screenshots of the pages people look at most go to test-results/layout/ to be checked by eye.
 */
const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;
const LOCALES: Locale[] = ["ja", "en"];
const SCREENSHOTS = new Set(["/dashboard", "/incidents", "/regulations/structure"]);
const SHOTS_DIR = path.join(__dirname, "..", "test-results", "layout");

async function newPage(browser: Browser, baseURL: string, locale: Locale, size: { width: number; height: number }, signedIn: boolean): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: size,
    locale: locale === "ja" ? "ja-JP" : "en-GB",
    timezoneId: "Asia/Tokyo",
    storageState: signedIn ? authFile("privacy_manager") : undefined,
  });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  return context.newPage();
}

/** How far the document is wider than the window (0 when it fits), with the widest element to blame. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const excess = document.documentElement.scrollWidth - window.innerWidth;
    if (excess <= 1) return { excess: 0, culprit: "" };
    // The deepest element that reaches past the right edge names the cause in the failure message.
    let culprit = "";
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1 && r.width > 0) {
        culprit = `${el.tagName.toLowerCase()}.${String(el.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")} right=${Math.round(r.right)}`;
      }
    }
    return { excess, culprit };
  });
}

/**
 * Table cells (th, td) whose words are squeezed: text of 4 or more characters (spaces not counted)
 * wrapped over lines in a content box narrower than 3.5em of the cell's font size. A box that narrow
 * holds at most three full-width characters a line, so Japanese (which may break after any character)
 * stands one to three characters a line and an English phrase one word a line ("Made / on"). A short
 * figure that fits on one line ("22.5", "100%") is not squeezed, however narrow its column. The cure is
 * the list kit's Column.textWidth, or a `min-w-[…] lg:min-w-0` wrapper in a hand-made table: the table
 * then scrolls in its card. Each is named with its text, tag and width. Every closed <details> (a
 * chart's "show as a table", an assessment's scores) is opened first, so its table is measured as it
 * shows when opened.
 */
const SQUEEZE_EM = 3.5;
async function squeezedCells(page: Page): Promise<string[]> {
  return page.evaluate((minEm) => {
    for (const d of Array.from(document.querySelectorAll("main details:not([open])"))) (d as HTMLDetailsElement).open = true;
    const found: string[] = [];
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>("main th, main td"))) {
      const text = cell.innerText.replace(/\s+/g, " ").trim();
      if ([...text.replace(/ /g, "")].length < 4) continue;
      const box = cell.getBoundingClientRect();
      // Not shown: hidden, or print-only.
      if (box.width <= 1 || box.height <= 1 || !cell.checkVisibility({ visibilityProperty: true })) continue;
      const cs = getComputedStyle(cell);
      const em = parseFloat(cs.fontSize);
      const width = box.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
      if (width >= minEm * em) continue;
      // The lines each run of text stands on (the text of one block: a cell may put a second line under
      // the first on purpose, "第4版" and under it "承認待ち"): the tops of its line boxes, half an em apart.
      const runs = new Map<Element, number[]>();
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent!.trim()) continue;
        let block = n.parentElement!;
        while (block !== cell && getComputedStyle(block).display === "inline") block = block.parentElement!;
        const range = document.createRange();
        range.selectNodeContents(n);
        const tops = runs.get(block) ?? [];
        for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.push(r.top);
        runs.set(block, tops);
      }
      const lineCount = (tops: number[]) => tops.sort((a, b) => a - b).filter((top, i) => i === 0 || top - tops[i - 1] > em / 2).length;
      const lines = Math.max(0, ...Array.from(runs.values(), lineCount));
      if (lines > 1) found.push(`"${text.slice(0, 40)}" (${cell.tagName.toLowerCase()} ${Math.round(width)}px = ${(width / em).toFixed(1)}em, ${lines} lines)`);
    }
    return found;
  }, SQUEEZE_EM);
}

/** The page has its data: nothing busy, no skeleton left (a cold dev server compiles on first visit). */
async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 30_000 });
}

for (const size of WIDTHS) {
  for (const locale of LOCALES) {
    test(`no page is wider than the window: ${size.name} ${size.width}px, ${locale}`, async ({ browser, baseURL }) => {
      test.setTimeout(900_000);
      mkdirSync(SHOTS_DIR, { recursive: true });
      const shot = (name: string) => path.join(SHOTS_DIR, `${name}-${size.width}-${locale}.png`);
      const wide: string[] = [];
      const squeezed: string[] = [];

      const login = await newPage(browser, baseURL!, locale, size, false);
      await login.goto("/login");
      await expect(login.locator("form", { has: login.locator("input[type=password]") })).toBeVisible();
      const lo = await overflow(login);
      if (lo.excess) wide.push(`/login +${lo.excess}px (${lo.culprit})`);
      // Every button of the language switch shows its whole label (the switch clips what it cannot hold).
      const language = login.getByRole("group");
      const box = (await language.boundingBox())!;
      for (const b of await language.getByRole("button").all()) {
        const r = (await b.boundingBox())!;
        expect(r.x + r.width, `language button "${await b.textContent()}" is cut off`).toBeLessThanOrEqual(box.x + box.width + 1);
        expect(await b.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `language button "${await b.textContent()}" is cut off`).toBe(true);
      }
      await login.screenshot({ path: shot("login"), fullPage: true });
      await login.context().close();

      const page = await newPage(browser, baseURL!, locale, size, true);
      const pages = await pagesFor(page.request, "privacy_manager");
      for (const href of pages) {
        // A step per page (the report shows what each costs); a page that cannot be checked is reported
        // with the others, not instead of them.
        await test.step(href, async () => {
          try {
            await page.goto(href);
            expect(new URL(page.url()).pathname, "still signed in, not sent elsewhere").toBe(href);
            await expect(page.locator("main h1").first()).toBeVisible();
            await settled(page);
          } catch (err) {
            wide.push(`${href}: not checked (${String(err).split("\n")[0]})`);
            return;
          }
          const o = await overflow(page);
          if (o.excess) wide.push(`${href} +${o.excess}px (${o.culprit})`);
          if (href === "/incidents" && size.width >= 1024) {
            // The reporting clock is in view on a laptop without scrolling the table.
            const clock = await page.locator("th", { hasText: t("incidents.list.columns.nextDue", {}, locale) }).evaluate((th) => {
              const box = th.closest(".overflow-x-auto")!.getBoundingClientRect();
              return { right: th.getBoundingClientRect().right, visible: box.right };
            });
            expect(clock.right, "the Next deadline column is cut off").toBeLessThanOrEqual(clock.visible + 1);
          }
          if (SCREENSHOTS.has(href)) await page.screenshot({ path: shot(href.slice(1).replaceAll("/", "-")), fullPage: true });
          // Last: it opens the page's <details>.
          if (size.width < 1024) for (const cell of await squeezedCells(page)) squeezed.push(`${href}: ${cell}`);
        });
      }
      await page.context().close();
      expect.soft(wide, "pages wider than the window").toEqual([]);
      expect(squeezed, `table cells whose words are squeezed (narrower than ${SQUEEZE_EM}em, wrapped)`).toEqual([]);
    });
  }
}

/** WCAG contrast of a CSS rgb() colour on white. */
function contrastOnWhite(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

for (const locale of LOCALES) {
  test(`audit charts on a phone: legend text at AA contrast, axis labels apart (${locale})`, async ({ browser, baseURL }) => {
    const page = await newPage(browser, baseURL!, locale, WIDTHS[0], true);
    await page.goto("/audits");
    const legends = page.locator(".recharts-legend-wrapper");
    await expect(legends.first()).toBeVisible({ timeout: 30_000 });
    // Every piece of legend text, whatever element holds it.
    const colours = await legends.evaluateAll((ws) =>
      ws.flatMap((w) =>
        Array.from(w.querySelectorAll("*"))
          .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
          .map((el) => ({ text: el.textContent!.trim(), color: getComputedStyle(el).color })),
      ),
    );
    expect(colours.length).toBeGreaterThan(0);
    for (const c of colours) expect(contrastOnWhite(c.color), `legend "${c.text}" in ${c.color}`).toBeGreaterThanOrEqual(4.5);

    // The category labels under each chart do not run into each other.
    const axes = await page.locator(".recharts-xAxis-tick-labels").all();
    expect(axes.length).toBeGreaterThan(0);
    for (const axis of axes) {
      const boxes = (await axis.locator("text").evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect))).sort((a, b) => a.x - b.x);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i].x, "axis labels overlap").toBeGreaterThanOrEqual(boxes[i - 1].x + boxes[i - 1].width - 1);
    }
    await page.context().close();
  });
}

test("a badge keeps a Japanese word whole on a phone: a session's attendees show 合格 on one line", async ({ browser, baseURL }) => {
  const page = await newPage(browser, baseURL!, "ja", WIDTHS[0], true);
  const sessions = (await (await page.request.get("/api/v1/training-sessions?pageSize=1")).json()) as { items: { id: number }[] };
  await page.goto(`/training/sessions/${sessions.items[0].id}`);
  await settled(page);
  const badges = page.getByRole("main").locator("tbody td span.rounded-full", { hasText: t("records.result.passed") });
  await expect(badges.first()).toBeVisible();
  for (const b of (await badges.all()).slice(0, 5)) {
    const lines = await b.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    });
    expect(lines, "the badge's word is broken over lines").toBe(1);
  }
  const o = await overflow(page);
  expect(o.excess, o.culprit).toBe(0);
  await page.context().close();
});
