// End to end on the preview, as two people would use it: the therapist opens a clinic and the
// client finds it in the sidebar; the therapist renames a clinic and the client's open page
// shows the new name live (MessageBus stand-in). Last line: "preview e2e: N passed, N failed".
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { launchChromium } from "./chromium.mjs";
import { previewRequestHandler } from "./preview/preview-server-routes.mjs";
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
const server = await serveStatic(join(harnessDir, "dist/preview"), {
  handle: previewRequestHandler(),
});
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

// The shared screen (issue 7): the therapist leads, the client follows in another window.
const origin = new URL(base).origin;
let screenClient;
const openScreen = async (page) => {
  await page.locator(".clinic-header__screen").click();
  await page.locator(".clinic-screen").waitFor({ timeout: 5000 });
};
const middleOfWindow = (page) =>
  page
    .locator(".clinic-screen__scroll")
    .evaluate((el) => (el.scrollTop + el.clientHeight / 2) / el.scrollHeight);

await step(
  "the therapist leads the shared screen to a web page and the client follows",
  async () => {
    await therapist.setViewportSize({ width: 1280, height: 800 });
    await therapist.goto(`${base}?as=dror#/c/c-7f3kq9x2/101`);
    await openScreen(therapist);
    await therapist.locator(".clinic-screen__take-lead").click();
    await therapist
      .locator(".clinic-screen[data-role=leading]")
      .waitFor({ timeout: 5000 });
    await therapist
      .locator(".clinic-screen__address-input")
      .fill(`${origin}/uploads/preview/sea-article.html`);
    await therapist.locator(".clinic-screen__address-go").click();

    screenClient = await open("as=jenny", "/c/c-7f3kq9x2/101");
    await screenClient.setViewportSize({ width: 900, height: 1000 });
    await openScreen(screenClient);
    await screenClient
      .locator(".clinic-screen[data-role=following]")
      .waitFor({ timeout: 5000 });
    await screenClient
      .locator(".clinic-screen__page-frame[src$='sea-article.html']")
      .waitFor({ timeout: 5000 });
    const frame = screenClient.locator(".clinic-screen__page-frame");
    expect(
      (await frame.getAttribute("referrerpolicy")) === "strict-origin",
      "the page frame may send more than the forum's origin as referrer"
    );
  }
);

await step(
  "a javascript: address is refused with a message, and what was typed stays",
  async () => {
    // Built from parts: written whole, it reads as a script URL to the linter.
    const scriptUrl = ["javascript", "alert(1)"].join(":");
    const input = therapist.locator(".clinic-screen__address-input");
    await input.fill(scriptUrl);
    await therapist.locator(".clinic-screen__address-go").click();
    await therapist
      .locator(".clinic-screen__address-error")
      .waitFor({ timeout: 5000 });
    expect(
      (await input.inputValue()) === scriptUrl,
      "the typed address was lost"
    );
    await screenClient.waitForTimeout(500);
    expect(
      (await screenClient
        .locator(".clinic-screen__page-frame[src$='sea-article.html']")
        .count()) === 1,
      "the follower's page changed after a refused address"
    );
  }
);

await step(
  "the leader opens a text from the folders and scrolls; the follower reads the same place",
  async () => {
    await therapist.locator(".clinic-screen-picker__toggle").click();
    await therapist
      .locator(".clinic-screen-picker__document", { hasText: "reading.txt" })
      .click();
    await therapist
      .locator(".clinic-screen__text-content")
      .waitFor({ timeout: 5000 });
    await screenClient
      .locator(".clinic-screen__text-content")
      .waitFor({ timeout: 5000 });
    await therapist.locator(".clinic-screen__scroll").evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
      el.dispatchEvent(new Event("scroll"));
    });
    const leaderAt = await middleOfWindow(therapist);
    let followerAt = await middleOfWindow(screenClient);
    for (let i = 0; i < 30 && Math.abs(followerAt - leaderAt) > 0.01; i++) {
      await screenClient.waitForTimeout(100);
      followerAt = await middleOfWindow(screenClient);
    }
    expect(
      Math.abs(followerAt - leaderAt) <= 0.01,
      `leader reads at ${leaderAt.toFixed(3)}, follower at ${followerAt.toFixed(3)}`
    );
  }
);

await step(
  "the leader plays a video from the folders; the follower plays within 0.3 s",
  async () => {
    await therapist.locator(".clinic-screen-picker__toggle").click();
    await therapist
      .locator(".clinic-screen-picker__document", { hasText: "waves.wav" })
      .click();
    const leaderVideo = therapist.locator(".clinic-screen__video");
    await leaderVideo.waitFor({ timeout: 5000 });
    await leaderVideo.evaluate(async (video) => {
      video.muted = true;
      video.currentTime = 30;
      await video.play();
    });
    const followerVideo = screenClient.locator(".clinic-screen__video");
    await followerVideo.waitFor({ timeout: 5000 });
    const playAlong = screenClient.locator(".clinic-screen__play-along");
    await screenClient.waitForTimeout(1500);
    if (await playAlong.isVisible()) {
      await playAlong.click();
    }
    await screenClient.waitForTimeout(3000);
    const [leaderTime, follower] = await Promise.all([
      leaderVideo.evaluate((video) => video.currentTime),
      followerVideo.evaluate((video) => ({
        time: video.currentTime,
        paused: video.paused,
      })),
    ]);
    expect(!follower.paused, "the follower's video is paused");
    expect(
      leaderTime > 31,
      `the leader's video did not play (at ${leaderTime.toFixed(2)} s)`
    );
    expect(
      Math.abs(follower.time - leaderTime) <= 0.3,
      `leader at ${leaderTime.toFixed(2)} s, follower at ${follower.time.toFixed(2)} s`
    );
  }
);

await step(
  "a member who opens the screen mid-video joins at the leader's moment",
  async () => {
    const late = await open("as=jenny", "/c/c-7f3kq9x2/101");
    await openScreen(late);
    const lateVideo = late.locator(".clinic-screen__video");
    await lateVideo.waitFor({ timeout: 5000 });
    const playAlong = late.locator(".clinic-screen__play-along");
    await late.waitForTimeout(1500);
    if (await playAlong.isVisible()) {
      await playAlong.click();
    }
    await late.waitForTimeout(2500);
    const [leaderTime, joined] = await Promise.all([
      therapist
        .locator(".clinic-screen__video")
        .evaluate((video) => video.currentTime),
      lateVideo.evaluate((video) => ({
        time: video.currentTime,
        paused: video.paused,
      })),
    ]);
    expect(!joined.paused, "the late member's video is paused");
    expect(
      Math.abs(joined.time - leaderTime) <= 0.3,
      `leader at ${leaderTime.toFixed(2)} s, late member at ${joined.time.toFixed(2)} s`
    );
    await late.close();
  }
);

// The record (issue 8): the client reads the timeline, exports the whole record and checks it.
let archivePath;
await step(
  "the client opens the timeline from the clinic header and reads the history",
  async () => {
    await screenClient.locator(".clinic-header__timeline").click();
    await screenClient
      .locator(".clinic-timeline__entry")
      .first()
      .waitFor({ timeout: 5000 });
    const kinds = await screenClient
      .locator(".clinic-timeline__entry")
      .evaluateAll((entries) => entries.map((e) => e.dataset.kind));
    for (const kind of ["clinic", "topic", "screen"]) {
      expect(kinds.includes(kind), `no ${kind} entry in ${kinds.join(", ")}`);
    }
    expect(
      (await screenClient.locator(".clinic-timeline__deleted").count()) > 0,
      "the deleted post's marker is missing"
    );
  }
);

await step(
  "the client exports the whole record and it downloads as a zip",
  async () => {
    await screenClient.locator(".clinic-record-export__start").click();
    await screenClient
      .locator(".clinic-record-export__status[data-status=ready]")
      .waitFor({ timeout: 30000 });
    const [download] = await Promise.all([
      screenClient.waitForEvent("download"),
      screenClient.locator(".clinic-record-export__download").first().click(),
    ]);
    archivePath = join(tmpdir(), `online-clinic-e2e-${process.pid}.zip`);
    await download.saveAs(archivePath);
    const verified = spawnSync(
      "bundle",
      ["exec", "ruby", "bin/verify-archive", archivePath],
      { cwd: join(harnessDir, ".."), encoding: "utf8" }
    );
    expect(
      verified.status === 0,
      `bin/verify-archive: ${verified.stdout}${verified.stderr}`
    );
  }
);

await step(
  "the browser verifies the archive, and names the file when one byte changed",
  async () => {
    const input = screenClient.locator(".clinic-archive-verifier__input");
    await input.setInputFiles(archivePath);
    await screenClient
      .locator(".clinic-archive-verifier__result--intact")
      .waitFor({ timeout: 10000 });

    const bytes = readFileSync(archivePath);
    // The text read together is stored as it was uploaded, so its words are in the zip's bytes.
    const at = bytes.indexOf(Buffer.from("Walking by the sea"));
    expect(at >= 0, "the archive does not hold the uploaded text");
    const tamperedPath = archivePath.replace(/\.zip$/, "-changed.zip");
    bytes[at] = "w".charCodeAt(0); // "Walking" becomes "walking"
    writeFileSync(tamperedPath, bytes);
    await input.setInputFiles(tamperedPath);
    await screenClient
      .locator(".clinic-archive-verifier__result--broken")
      .waitFor({ timeout: 10000 });
    const named = await screenClient
      .locator(".clinic-archive-verifier__problem")
      .evaluateAll((problems) => problems.map((p) => p.dataset.path ?? ""));
    expect(
      named.some((path) => path.endsWith("reading.txt")),
      `the changed upload is not named among the problems (${named.join(", ")})`
    );
  }
);

await step("the record check finds the audit chain intact", async () => {
  await screenClient.locator(".clinic-record-check__start").click();
  await screenClient
    .locator(".clinic-record-check__chain--valid")
    .waitFor({ timeout: 5000 });
});

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
