import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { OpenWorkspaceBanner } from '@/components/access/OpenWorkspaceBanner';
import { SignOutButton } from '@/components/access/SignOutButton';
import { pageAccess } from '@/lib/server/access/page-access';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Witness', template: '%s · Witness' },
  description: 'Incident timeline reconstruction: drop in logs, HARs and trace exports, see one timeline.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read per request (it reads the cookie), so the banner and the name follow the server's
  // setting at run time, not at build time.
  const access = await pageAccess();
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <Link href="/" className="app-header__brand">
            Witness
          </Link>
          <span className="app-header__tagline">incident timeline reconstruction</span>
          {access.session ? (
            <span className="app-header__session">
              Signed in as <strong>{access.session.name}</strong>
              <SignOutButton />
            </span>
          ) : null}
        </header>
        {access.configured ? null : <OpenWorkspaceBanner />}
        <main className="app-main">{children}</main>
      </body>
    </html>
  );
}
