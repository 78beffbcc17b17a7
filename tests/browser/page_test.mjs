// Drives the page of `mekong serve` in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core): choose a pair of countries,
// see its events on the timeline, open an event's source and find the
// stating line highlighted. Saves screenshots (laptop and phone).
//
// Usage: node page_test.mjs BIN DB OUTDIR
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [bin, db, outdir] = process.argv.slice(2);
if (!bin || !db || !outdir) {
  console.error('usage: node page_test.mjs BIN DB OUTDIR');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let chromium;
try {
  const require = createRequire(resolve(here, '../../web/package.json'));
  ({ chromium } = require('playwright-core'));
} catch (err) {
  console.error('playwright-core is missing: run scripts/web-deps.sh (' + err.message + ')');
  process.exit(1);
}

function fail(msg) {
  throw new Error(msg);
}

// Starts `mekong serve --port 0` and resolves with its address.
function startServer() {
  return new Promise((ok, ko) => {
    const proc = spawn(bin, ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => ko(new Error('mekong serve did not start: ' + out)), 15000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ proc, url: 'http://127.0.0.1:' + m[1] + '/' });
      }
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => ko(new Error('mekong serve exited with ' + code + ': ' + out)));
  });
}

const { proc, url } = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'mekong-chromium-'));
mkdirSync(outdir, { recursive: true });
let browser;
let status = 0;
try {
  // A persistent context on a fresh folder: Chromium's --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] || await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  // The page must work offline: any request off this server is a failure.
  page.on('request', (r) => { if (!r.url().startsWith(url)) errors.push('request off the server: ' + r.url()); });

  await page.goto(url, { waitUntil: 'networkidle' });
  const contentType = (await page.request.get(url)).headers()['content-type'];
  if (!/charset=utf-8/i.test(contentType)) fail('page served without charset=utf-8: ' + contentType);

  // Choose Vietnam - Laos (the seed pages' pair); any other pair with events otherwise.
  const options = await page.$$eval('#dyad option', (os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  let dyad = options.find((o) => o.value === 'LAO-VNM');
  if (!dyad) {
    console.error('note: no LAO-VNM events in the database; pairs: ' + options.map((o) => o.value).join(' '));
    dyad = options.find((o) => o.value && !/\(0 events\)/.test(o.text));
  }
  if (!dyad) fail('no pair of countries with events in the database');
  await page.selectOption('#dyad', dyad.value);
  await page.waitForFunction((d) => location.hash.includes('dyad=' + d), dyad.value);
  await page.waitForSelector('#timeline li.event', { timeout: 10000 });
  const events = await page.$$eval('#timeline li.event', (els) => els.length);
  const api = await (await page.request.get(url + 'api/events?dyad=' + dyad.value + '&limit=1000')).json();
  if (events !== api.items.length) fail(`timeline shows ${events} events, the API has ${api.items.length}`);
  // Vietnamese text arrives intact (the API's own strings shown as text).
  const firstActors = await page.textContent('#timeline li.event .actors');
  const e0 = api.items[0];
  if (e0.actor1.person && !firstActors.includes(e0.actor1.person)) fail(`timeline shows '${firstActors}', expected ${e0.actor1.person}`);
  await page.screenshot({ path: join(outdir, 'timeline.png'), fullPage: false });
  await page.screenshot({ path: join(outdir, 'page.png'), fullPage: true });

  // Open the first event's first source: the stated line is highlighted.
  const first = page.locator('#timeline li.event').first();
  await first.locator('details').evaluate((d) => { d.open = true; });
  await first.locator('.source-link').first().click();
  await page.waitForSelector('#source:not([hidden]) li.line.hl', { timeout: 10000 });
  const hl = await page.$eval('#source li.line.hl', (li) => ({ n: +li.dataset.n, text: li.textContent, mark: li.querySelector('mark')?.textContent || '' }));
  const src = e0.sources[0];
  if (hl.n !== src.line) fail(`highlighted line ${hl.n}, the source says ${src.line}`);
  if (!hl.text || hl.text !== src.text) fail(`highlighted text differs from the source line: '${hl.text}' vs '${src.text}'`);
  if (src.span[1] > src.span[0] && !hl.mark) fail('the stated words are not marked in the line');
  const visible = await page.locator('#source li.line.hl').isVisible();
  if (!visible) fail('the highlighted line is not visible');
  await page.screenshot({ path: join(outdir, 'source.png') });
  await page.click('#source-close');
  if (!(await page.isHidden('#source'))) fail('the source view does not close');

  // A source line past the first 2,000 lines of its document (the server
  // answers a page of lines at a time) is shown and highlighted too.
  const far = (await (await page.request.get(url + 'api/search?q=xacnhanxa')).json()).items[0];
  if (!far || far.line !== 2500) fail('the long test page is not in the base: ' + JSON.stringify(far));
  await page.goto('about:blank');  // a new load: the page opens the source named in its address
  await page.goto(url + '#doc=' + far.doc + '&line=' + far.line, { waitUntil: 'networkidle' });
  await page.waitForSelector('#source:not([hidden]) li.line.hl', { timeout: 10000 });
  const farHl = await page.$eval('#source li.line.hl', (li) => ({ n: +li.dataset.n, text: li.textContent }));
  if (farHl.n !== 2500 || !farHl.text.includes('xacnhanxa')) fail(`far source line: ${JSON.stringify(farHl)}`);
  await page.click('#source-close');
  await page.goto('about:blank');
  await page.goto(url + '#dyad=' + dyad.value, { waitUntil: 'networkidle' });
  await page.waitForSelector('#timeline li.event', { timeout: 10000 });

  // Charts: one uPlot canvas per indicator shown when the pair has figures.
  const figures = await (await page.request.get(url + 'api/figures?dyad=' + dyad.value + '&limit=1000')).json();
  if (figures.items.length) {
    const canvases = await page.$$eval('#charts canvas', (c) => c.length);
    if (!canvases) fail('figures exist but no chart was drawn');
  }
  // Search ignores marks: the words of a line, written without them, find it.
  await page.fill('#q', 'viet nam');
  await page.click('#search button');
  await page.waitForSelector('#results li', { timeout: 10000 });

  // Phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 2) fail(`page is ${overflow}px wider than a phone screen`);
  await page.screenshot({ path: join(outdir, 'phone.png') });

  if (errors.length) fail(errors.join('\n'));
  console.log(`ok: ${dyad.value}: ${events} events on the timeline; source line ${hl.n} highlighted; screenshots in ${outdir}`);
} catch (err) {
  console.error('FAIL: ' + err.message);
  status = 1;
} finally {
  if (browser) await browser.close();
  proc.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
