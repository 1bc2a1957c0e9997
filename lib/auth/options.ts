// next-auth (v4) configuration: email + password against staff accounts, JWT sessions that
// carry the role. Node-only (bcrypt, database); pages and routes check roles with lib/auth/guards.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "../db/client";
import { verifySignIn } from "../services/staff";
import { isRole, type Role } from "./permissions";

declare module "next-auth" {
  interface Session {
    user: { email: string; role: Role };
  }
  interface User {
    role: Role;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "SpendSense staff",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const r = await verifySignIn(prisma(), credentials.email, credentials.password);
        // next-auth turns a thrown error into ?error=<message> on the sign-in page.
        if (!r.ok && r.reason === "throttled") throw new Error(`Too many failed attempts. Try again in ${r.retryAfterMinutes} minute(s).`);
        if (!r.ok) return null;
        return { id: String(r.user.id), email: r.user.email, role: r.user.role };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.role = user.role;
      return token;
    },
    async session({ session, token }) {
      session.user = { email: token.email ?? "", role: isRole(token.role) ? token.role : ("analyst" as Role) };
      return session;
    },
  },
};
