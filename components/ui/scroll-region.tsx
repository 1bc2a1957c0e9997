import type { ReactNode } from "react";

/**
 * A wide table's frame: on a narrow screen the table scrolls sideways inside it instead of
 * pushing the page wider, and a keyboard can reach it (tabIndex) to scroll it.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
