"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** How long after a form is sent from the page live refreshes hold off (its own navigation shows the change). */
const SUBMIT_SETTLE_MS = 5000;

/**
 * A value kept current by a server-sent event stream (see lib/api/event-stream.ts); when
 * `changesPage(previous, next)` says the server-rendered page is out of date, it is refreshed.
 * Pass a module-level `changesPage`: a new function each render would re-open the stream.
 */
export function useLiveValue<T>(url: string, event: string, initial: T, changesPage: (previous: T, next: T) => boolean): T {
  const router = useRouter();
  const [value, setValue] = useState(initial);
  const last = useRef(initial);
  const submitted = useRef(-Infinity);
  useEffect(() => {
    // A form sent from this page (a server action) re-renders the page with its outcome; a refresh
    // started meanwhile would race that navigation and could drop the outcome, so it waits until then.
    const onSubmit = () => (submitted.current = performance.now());
    document.addEventListener("submit", onSubmit, true);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource(url);
    source.addEventListener(event, (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as T;
      const stale = changesPage(last.current, next);
      last.current = next;
      setValue(next);
      if (!stale) return;
      const wait = submitted.current + SUBMIT_SETTLE_MS - performance.now();
      clearTimeout(pending);
      if (wait <= 0) router.refresh();
      else pending = setTimeout(() => router.refresh(), wait);
    });
    return () => {
      clearTimeout(pending);
      source.close();
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [url, event, changesPage, router]);
  return value;
}
