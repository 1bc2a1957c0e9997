// next-auth (v4) configuration: email + password against staff accounts, JWT sessions that
// carry a server-side session id (lib/services/staff-sessions.ts). Node-only (bcrypt, database);
// pages and routes check roles with lib/auth/guards.
import { plural } from "../labels";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { apiDatabase } from "../api/database";
import { verifySignIn } from "../services/staff";
import { endStaffSession, liveStaff, startStaffSession } from "../services/staff-sessions";
import { sameOriginPath } from "./callback-url";
import { clientAddress } from "./client-address";
import type { Role } from "./permissions";
import { log } from "../observability/log";

declare module "next-auth" {
  interface Session {
    user: { email: string; role: Role; mustChangePassword?: boolean };
  }
  interface User {
    role: Role;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The staff_sessions row this token belongs to. */
    sid?: string;
    /** Read from the account on every request: a temporary password must be changed first. */
    mustChangePassword?: boolean;
  }
}

/** Thrown from the jwt callback for an ended session: next-auth then clears the cookie and reads no session. */
class SessionEndedError extends Error {
  constructor() {
    super("This session has ended; sign in again.");
    this.name = "SessionEndedError";
  }
}

/** The database sessions live in: the process's one Prisma client (a temporary one in tests). */
const db = () => apiDatabase().db;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "SpendSense staff",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const r = await verifySignIn(db(), { email: credentials.email, password: credentials.password, client: clientAddress(req?.headers) });
        // next-auth turns a thrown error into ?error=<message> on the sign-in page.
        if (!r.ok && r.reason === "throttled") throw new Error(`Too many failed attempts. Try again in ${plural(r.retryAfterMinutes ?? 1, "minute")}.`);
        if (!r.ok) return null;
        return { id: String(r.user.id), email: r.user.email, role: r.user.role };
      },
    }),
  ],
  callbacks: {
    // Runs at sign-in (with `user`) and on every server-side session read (getServerSession).
    async jwt({ token, user }) {
      if (user) {
        token.sid = await startStaffSession(db(), Number(user.id));
        token.role = user.role;
        return token;
      }
      const staff = await liveStaff(db(), token);
      if (!staff) throw new SessionEndedError();
      token.email = staff.email;
      token.role = staff.role;
      token.mustChangePassword = staff.mustChangePassword;
      return token;
    },
    async session({ session, token }) {
      if (!token.role || !token.email) throw new SessionEndedError();
      session.user = { email: token.email, role: token.role, mustChangePassword: token.mustChangePassword === true };
      return session;
    },
    // Where to go after sign-in or sign-out: only somewhere on this site.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${sameOriginPath(url, baseUrl) ?? "/"}`;
    },
  },
  events: {
    // The cookie is cleared in the browser, and the session ends here, so a copy of it is refused.
    async signOut({ token }) {
      await endStaffSession(db(), token?.sid);
    },
  },
  logger: {
    // An ended session read is expected (signed out elsewhere, role changed): not an error to log.
    error(code, metadata) {
      const name = (metadata as { name?: unknown } | undefined)?.name ?? (metadata as { error?: { name?: unknown } } | undefined)?.error?.name;
      if (code === "JWT_SESSION_ERROR" && name === "SessionEndedError") return;
      // The code and the error's own message and stack only: metadata may hold the token or the email.
      const err = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
      log.error({ code, err: err instanceof Error ? err : undefined }, "next-auth error");
    },
  },
};
