// Builds the QUnit suite with Vite, serves it on 127.0.0.1 and runs it in Debian's headless
// Chromium (playwright-core; never a downloaded browser). Fails on a page error, a failed
// assertion, a timeout, or when no test ran. Last line: "JS tests: N passed, N failed".
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { launchChromium } from "./chromium.mjs";
import { serveStatic } from "./static-server.mjs";

const harnessDir = dirname(fileURLToPath(import.meta.url));
const distDir = join(harnessDir, "dist/tests");
const TIMEOUT_MS = Number(process.env.QUNIT_TIMEOUT_MS ?? 180000);
function finish(passed, failed, code) {
  console.log(`JS tests: ${passed} passed, ${failed} failed`);
  process.exit(code);
}

async function main() {
  await build({
    configFile: join(harnessDir, "vite.config.mjs"),
    mode: "test",
  });
  const server = await serveStatic(distDir);
  const url = `http://127.0.0.1:${server.address().port}/tests/index.html`;
  const browser = await launchChromium();
  const page = await browser.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) =>
    pageErrors.push(error.stack ?? String(error))
  );
  page.on("console", (msg) => {
    if (msg.type() === "error" && process.env.QUNIT_VERBOSE) {
      console.error(`console: ${msg.text()}`);
    }
  });
  await page.goto(url);

  const deadline = Date.now() + TIMEOUT_MS;
  let report;
  for (;;) {
    report = await page
      .evaluate(() => window.__onlineClinicQUnit ?? null)
      .catch(() => null);
    if (report?.done) {
      break;
    }
    // A page error before any test started means the suite cannot run: stop now.
    if (pageErrors.length > 0 && (!report || report.total === 0)) {
      console.error(
        `The test page failed before any test ran:\n${pageErrors.join("\n")}`
      );
      await browser.close();
      server.close();
      finish(0, 1, 1);
    }
    if (Date.now() > deadline) {
      console.error(
        `Timed out after ${TIMEOUT_MS} ms (${report?.total ?? 0} tests finished).`
      );
      await browser.close();
      server.close();
      finish(report?.passed ?? 0, (report?.failed ?? 0) + 1, 1);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await browser.close();
  server.close();

  for (const failure of report.failures) {
    console.error(`✗ ${failure.name}`);
    for (const message of failure.messages) {
      console.error(`    ${message.split("\n").join("\n    ")}`);
    }
  }
  for (const error of pageErrors) {
    console.error(`page error: ${error}`);
  }
  if (report.total === 0) {
    console.error("No tests found under test/javascripts.");
    finish(0, 1, 1);
  }
  const failed = report.failed + (pageErrors.length > 0 ? 1 : 0);
  finish(report.passed, failed, failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  finish(0, 1, 1);
});
