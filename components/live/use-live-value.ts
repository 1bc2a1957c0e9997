"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * A value kept current by a server-sent event stream (see lib/api/event-stream.ts); when
 * `changesPage(previous, next)` says the server-rendered page is out of date, it is refreshed.
 * Pass a module-level `changesPage`: a new function each render would re-open the stream.
 */
export function useLiveValue<T>(url: string, event: string, initial: T, changesPage: (previous: T, next: T) => boolean): T {
  const router = useRouter();
  const [value, setValue] = useState(initial);
  const last = useRef(initial);
  useEffect(() => {
    const source = new EventSource(url);
    source.addEventListener(event, (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as T;
      const stale = changesPage(last.current, next);
      last.current = next;
      setValue(next);
      if (stale) router.refresh();
    });
    return () => source.close();
  }, [url, event, changesPage, router]);
  return value;
}
