// End to end on the preview, as two people would use it: the therapist opens a clinic and the
// client finds it in the sidebar; the therapist renames a clinic and the client's open page
// shows the new name live (MessageBus stand-in). Last line: "preview e2e: N passed, N failed".
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { launchChromium } from "./chromium.mjs";
import { serveStatic } from "./static-server.mjs";

const harnessDir = dirname(fileURLToPath(import.meta.url));
const results = [];

async function step(name, fn) {
  try {
    await fn();
    results.push([name, null]);
  } catch (error) {
    results.push([name, error]);
  }
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

await build({
  configFile: join(harnessDir, "vite.config.mjs"),
  mode: "preview",
});
const server = await serveStatic(join(harnessDir, "dist/preview"));
const base = `http://127.0.0.1:${server.address().port}/preview/index.html`;
const browser = await launchChromium();
const context = await browser.newContext();
const pageErrors = [];
const open = async (query, hash) => {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(`${base}?${query}#${hash}`);
  return page;
};

const therapist = await open("as=dror", "/clinic");

await step("the therapist's dashboard lists the demo clinics", async () => {
  await therapist.locator(".clinic-dashboard__row").first().waitFor();
  const names = await therapist
    .locator(".clinic-dashboard__name")
    .allInnerTexts();
  expect(
    names.includes("Jenny's clinic"),
    `dashboard shows ${names.join(", ")}`
  );
});

await step("a new clinic opens and its header shows it", async () => {
  await therapist.getByRole("button", { name: "New clinic" }).click();
  await therapist
    .locator(".clinic-new-form__name")
    .fill("Ruth — second chapter");
  await therapist.locator(".clinic-new-form__usernames").fill("ruth");
  await therapist.locator(".clinic-new-form__submit").click();
  await therapist.locator(".clinic-header__name").waitFor({ timeout: 5000 });
  const name = await therapist.locator(".clinic-header__name").innerText();
  expect(name === "Ruth — second chapter", `header shows "${name}"`);
});

await step("the client finds the new clinic under My clinic", async () => {
  const client = await open("as=ruth", "/clinic");
  await client.locator(".preview__sidebar a").first().waitFor();
  const links = await client.locator(".preview__sidebar a").allInnerTexts();
  expect(
    links.includes("Ruth — second chapter"),
    `client's sidebar shows ${links.join(", ")}`
  );
});

await step("a rename reaches the client's open page live", async () => {
  const client = await open("as=jenny", "/c/c-7f3kq9x2/101");
  await client.locator(".clinic-header__name").waitFor();
  await therapist.goto(`${base}?as=dror#/c/c-7f3kq9x2/101`);
  await therapist
    .locator(".clinic-header__name", { hasText: "Jenny's clinic" })
    .waitFor();
  await therapist.getByRole("button", { name: "Rename" }).click();
  await therapist.locator(".clinic-header__rename-input").fill("Jenny's room");
  await therapist.locator(".clinic-header__rename-save").click();
  await client
    .locator(".clinic-header__name", { hasText: "Jenny's room" })
    .waitFor({ timeout: 5000 });
});

await step(
  "a session the therapist starts runs on the client's timer, and pauses there",
  async () => {
    const client = await open("as=noa", "/c/c-p2m8w4zt/102");
    await client.locator(".clinic-session-panel__idle").waitFor();
    await therapist.goto(`${base}?as=dror#/c/c-p2m8w4zt/102`);
    await therapist
      .locator(".clinic-header__name", { hasText: "Noa & Yoav" })
      .waitFor();
    await therapist.locator(".clinic-session-panel__start-button").click();
    const digits = client.locator(".clinic-session-timer__digits");
    await digits
      .filter({ hasText: /^(50:00|49:5\d)$/ })
      .waitFor({ timeout: 5000 });
    await therapist.locator(".clinic-session-panel__pause").click();
    await client
      .locator(".clinic-session-timer--paused")
      .waitFor({ timeout: 5000 });
    const pausedAt = await digits.innerText();
    await client.waitForTimeout(2200);
    const later = await digits.innerText();
    expect(
      later === pausedAt,
      `a paused timer moved from ${pausedAt} to ${later}`
    );
  }
);

await step(
  "the video dock opens beside the clinic and, with no Jitsi reachable, says so",
  async () => {
    await therapist.goto(`${base}?as=dror#/c/c-7f3kq9x2/101`);
    await therapist
      .locator(".clinic-header__name", { hasText: "Jenny" })
      .waitFor();
    await therapist.locator(".clinic-header__video").click();
    await therapist.locator(".clinic-dock").waitFor({ timeout: 5000 });
    await therapist
      .locator(".clinic-video-panel__fault-text")
      .waitFor({ timeout: 12000 });
    expect(
      (await therapist.locator(".clinic-video-panel__fault-text").innerText())
        .length > 0,
      "the fault message is empty"
    );
    expect(
      await therapist.locator(".clinic-video-panel__retry").isVisible(),
      "no Retry button"
    );
  }
);

await step(
  "the client opens the clinic's folders and finds the documents filed there",
  async () => {
    const client = await open("as=jenny", "/c/c-7f3kq9x2/101");
    await client.locator(".clinic-header__folders").click();
    await client
      .locator(".clinic-folders__item")
      .first()
      .waitFor({ timeout: 5000 });
    const titles = await client
      .locator(".clinic-folders__item")
      .allInnerTexts();
    expect(
      titles.some((t) => t.includes("Referral letter from Dr. Katz")),
      `Documents shows ${titles.join(" | ")}`
    );
    expect(
      (await client.locator(".clinic-folders__pdf").count()) === 1,
      "no PDF preview"
    );
  }
);

await step("no page error happened", async () => {
  expect(pageErrors.length === 0, pageErrors.join("\n"));
});

await browser.close();
server.close();
let failed = 0;
for (const [name, error] of results) {
  console.log(`${error ? "✗" : "✓"} ${name}`);
  if (error) {
    failed += 1;
    console.log(
      `    ${String(error.message ?? error)
        .split("\n")
        .join("\n    ")}`
    );
  }
}
console.log(`preview e2e: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
