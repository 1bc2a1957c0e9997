import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { FlashRegion } from "@/components/ui/flash";
import { StaffNav } from "@/components/nav/staff-nav";
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
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
            <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-emerald-900">
              <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
                <rect width="32" height="32" rx="7" fill="#065f46" />
                <path d="M9 21.5c1.5 1.3 3.6 2 6.2 2 3.6 0 5.8-1.6 5.8-4.1 0-5.3-11-2.8-11-7.6 0-1.9 1.8-3.3 4.9-3.3 2 0 3.8.5 5.1 1.5" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
              </svg>
              SpendSense
            </Link>
            {session ? (
              <>
                <div className="order-3 w-full lg:order-2 lg:w-auto lg:flex-1">
                  {/* With a temporary password, nothing but choosing a new one is open (lib/auth/guards.ts). */}
                  <StaffNav links={session.user.mustChangePassword ? [["/change-password", "Choose a new password"]] : [["/", "Work list"], ...NAV.filter(([href]) => can(session.user.role, PAGES[href]))]} />
                </div>
                <div className="order-2 ml-auto flex min-w-0 items-center gap-3 text-sm lg:order-3">
                  <span data-testid="signed-in-as" className="min-w-0 truncate">
                    <span className="hidden sm:inline">{session.user.email} </span>
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">{session.user.role}</span>
                  </span>
                  <SignOutButton />
                </div>
              </>
            ) : (
              <Link href="/login" className="ml-auto text-sm text-emerald-800 underline">
                Staff sign-in
              </Link>
            )}
          </div>
        </header>
        <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6 sm:py-8 lg:px-8">
          <FlashRegion>{children}</FlashRegion>
        </main>
      </body>
    </html>
  );
}
