import type { LaunchOptions } from "@playwright/test";

/**
 * How the tests, the benchmarks and `npm run screens` launch Chromium: Debian's package (Playwright
 * cannot download a browser here), headless, with its background traffic off.
 * The omnibox popup's pages are off too: headless Chromium built them for every new tab (about 180
 * chrome:// requests for three tabs), and in one traced editor open that renderer ran about 900 ms
 * of tasks on the same two cores as the page and the server. Nobody sees that popup headless.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
  ],
};
