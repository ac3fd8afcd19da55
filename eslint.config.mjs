// ESLint flat config: Next.js rules plus the dependency fence of ARCHITECTURE.md.
// Dependencies point inward: app -> components -> lib/domain, app -> lib/server -> lib/domain.
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'zlib', 'crypto', 'stream', 'http', 'https', 'net'];

const fence = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const config = [
  { ignores: ['node_modules/**', '.next/**', 'lib/generated/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain core is pure: no framework, no database, no I/O, no clock (time is an argument).
    files: ['lib/domain/**/*.ts'],
    ignores: ['lib/domain/**/*.test.ts'],
    rules: {
      ...fence([
        { group: ['next', 'next/*', 'react', 'react-dom', 'react/*'], message: 'lib/domain is pure: no framework imports.' },
        { group: ['@prisma/*', '**/generated/**', 'better-sqlite3', 'pg'], message: 'lib/domain is pure: no database.' },
        { group: NODE_BUILTINS, message: 'lib/domain is pure: no Node I/O; take data as arguments.' },
        { group: ['**/server/**', '@/lib/server/*', '@/app/*', '@/components/*', '**/components/**', '**/cli/**'], message: 'lib/domain imports only itself, zod and d3.' },
        // Types inferred from the boundary schemas (a profile, say) may be named; their runtime may not.
        { group: ['@/lib/schemas/*', '**/schemas/**'], allowTypeImports: true, message: 'lib/domain may import only types from lib/schemas.' },
      ]),
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Time is an argument in lib/domain.' }],
    },
  },
  {
    // Components are React only: props in, JSX out. Data comes through props or the HTTP API.
    files: ['components/**/*.{ts,tsx}'],
    rules: fence([
      { group: ['@/lib/server/*', '**/lib/server/**', '@prisma/*', '**/generated/**', 'better-sqlite3', 'pg'], message: 'components never import server code or the database.' },
      { group: ['@/app/*', '**/app/**'], message: 'components never import app/.' },
    ]),
  },
  {
    // lib never reaches back out to the routes or the UI.
    files: ['lib/**/*.ts'],
    ignores: ['lib/domain/**'],
    rules: fence([{ group: ['@/app/*', '@/components/*', '**/app/**', '**/components/**'], message: 'lib never imports app/ or components/.' }]),
  },
];

export default config;
