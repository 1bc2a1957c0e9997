import type { Page } from "@playwright/test";

/** On /runs: asks for an engine run as of `asOf` and confirms the dialog; the caller checks the outcome. */
export async function requestRun(page: Page, asOf: string) {
  await page.getByLabel("As of (the day both windows end)").fill(asOf);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Run the engine for every consenting customer" }).click();
}
