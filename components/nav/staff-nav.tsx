"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The staff navigation; the link of the section you are in is marked (aria-current="page"). */
export function StaffNav({ links }: { links: ReadonlyArray<readonly [href: string, label: string]> }) {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label="Staff" className="-mx-1 flex flex-wrap gap-1">
      {links.map(([href, label]) => {
        const here = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={here ? "page" : undefined}
            className={`rounded-md px-2.5 py-1.5 text-sm font-medium ${here ? "bg-emerald-800 text-white" : "text-emerald-900 hover:bg-emerald-50"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
