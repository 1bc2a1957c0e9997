/** @type {import('next').NextConfig} */
const nextConfig = {
  // libsql ships a native binary as an npm package; keep it (and Prisma's adapter) out of the bundle.
  serverExternalPackages: ["@libsql/client", "@prisma/adapter-libsql", "libsql", "pg-boss"],
  poweredByHeader: false,
  // forbidden() from next/navigation: a page refused to the signed-in role answers a real 403
  // (rendered by app/forbidden.tsx) instead of a 200 with a banner.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
