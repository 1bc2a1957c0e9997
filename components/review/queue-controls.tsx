"use client";

// The review queue's client-side helpers: keyboard shortcuts, "select all on this page" and the
// confirmation before a batch approval. Everything they do, a mouse or a screen reader can do
// with the page's own buttons and checkboxes; the shortcuts only move focus and press those.
import { useEffect } from "react";

const ITEM = "[data-review-item]";
const BATCH_BOXES = 'input[type="checkbox"][name="select"][form="batch"]';

/** True while the person is typing: shortcuts must not steal their letters. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

/**
 * j / n: next item, k: previous item, a: approve the item in focus, r: reject it (moves to its
 * reason box; Enter then rejects), x: select it for a batch approval. Ignored while typing in a
 * field and with Ctrl, Alt or ⌘ held.
 */
export function ReviewShortcuts() {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || typing(e.target)) return;
      const items = [...document.querySelectorAll<HTMLElement>(ITEM)];
      const current = items.findIndex((el) => el.contains(document.activeElement));
      const item = current >= 0 ? items[current] : null;
      const focus = (i: number) => items[Math.max(0, Math.min(items.length - 1, i))]?.focus();
      const press = (selector: string) => item?.querySelector<HTMLElement>(selector)?.click();
      switch (e.key) {
        case "j":
        case "n":
          focus(current + 1);
          break;
        case "k":
          focus(current < 0 ? 0 : current - 1);
          break;
        case "a":
          press('[data-shortcut="approve"]');
          break;
        case "r":
          item?.querySelector<HTMLElement>('[data-shortcut="reason"]')?.focus();
          break;
        case "x":
          press('[data-shortcut="select"]');
          break;
        default:
          return;
      }
      e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}

/** Ticks (or clears) every item's box on this page. */
export function SelectAllOnPage() {
  return (
    <label className="flex items-center gap-2">
      <input
        type="checkbox"
        onChange={(e) => {
          for (const box of document.querySelectorAll<HTMLInputElement>(BATCH_BOXES)) box.checked = e.currentTarget.checked;
        }}
      />
      Select all on this page
    </label>
  );
}

/** Submits the batch form after the person confirms how many copies will be approved. */
export function ConfirmBatchApprove() {
  return (
    <button
      type="submit"
      form="batch"
      className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white"
      onClick={(e) => {
        const copies = [...document.querySelectorAll<HTMLInputElement>(`${BATCH_BOXES}:checked`)].reduce((n, box) => n + box.value.split(",").length, 0);
        // With nothing selected the server says what to do; otherwise ask first.
        if (copies > 0 && !window.confirm(`Approve ${copies} recommendation${copies === 1 ? "" : "s"}? The customers will be able to see them.`)) e.preventDefault();
      }}
    >
      Approve selected
    </button>
  );
}
