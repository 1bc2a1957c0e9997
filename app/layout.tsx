import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { FlashRegion } from "@/components/ui/flash";
import { currentSession } from "@/lib/auth/guards";
import { PAGES, type GuardedPage } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import "./globals.css";

export const metadata: Metadata = {
  title: "SpendSense",
  description: "Explainable financial education from transaction data",
};

/** The staff pages, each shown to the roles the PAGES table (and so its page guard) admits. */
const NAV: ReadonlyArray<readonly [GuardedPage, string]> = [
  ["/customers", "Customers"],
  ["/review", "Review"],
  ["/runs", "Runs"],
  ["/content", "Content"],
  ["/api-keys", "API keys"],
  ["/staff", "Staff"],
  ["/insights", "Insights"],
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between px-6 py-4">
            <Link href="/" className="text-lg font-semibold tracking-tight text-emerald-800">
              SpendSense
            </Link>
            {session ? (
              <div className="flex items-center gap-3 text-sm">
                <nav aria-label="Staff" className="flex gap-3">
                  {NAV.filter(([href]) => can(session.user.role, PAGES[href])).map(([href, label]) => (
                    <Link key={href} href={href} className="text-emerald-800 underline">
                      {label}
                    </Link>
                  ))}
                </nav>
                <span data-testid="signed-in-as">
                  {session.user.email} <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">{session.user.role}</span>
                </span>
                <SignOutButton />
              </div>
            ) : (
              <Link href="/login" className="text-sm text-emerald-800 underline">
                Staff sign-in
              </Link>
            )}
          </div>
        </header>
        <main className="mx-auto max-w-5xl px-6 py-10">
          <FlashRegion>{children}</FlashRegion>
        </main>
      </body>
    </html>
  );
}
