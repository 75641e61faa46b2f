// Opens a URL of the running preview in headless Chromium and saves a PNG, for a person to
// look at: node harness/screenshot.mjs <url> <file.png> [width] [height]
import { launchChromium } from "./chromium.mjs";

const [url, file, width = "1280", height = "800"] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
});
const errors = [];
page.on("pageerror", (error) => errors.push(String(error)));
page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
await page.goto(url);
await page.waitForTimeout(1500);
await page.screenshot({ path: file, fullPage: true });
await browser.close();
for (const error of errors) {
  console.error(`page error: ${error}`);
}
console.log(
  `saved ${file}${errors.length ? ` (${errors.length} errors)` : ""}`
);
