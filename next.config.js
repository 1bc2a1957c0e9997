/** @type {import('next').NextConfig} */
const nextConfig = {
  // libsql ships a native binary as an npm package; keep it (and Prisma's adapter) out of the bundle.
  serverExternalPackages: ["@libsql/client", "@prisma/adapter-libsql", "libsql"],
  poweredByHeader: false,
};

module.exports = nextConfig;
