// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon and pg is loaded per engine at run time: keep both out of the bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg'],
  // Uploads stream through route handlers; nothing here should buffer them.
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
