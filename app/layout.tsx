import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Witness', template: '%s · Witness' },
  description: 'Incident timeline reconstruction: drop in logs, HARs and trace exports, see one timeline.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <Link href="/" className="app-header__brand">
            Witness
          </Link>
          <span className="app-header__tagline">incident timeline reconstruction</span>
        </header>
        <main className="app-main">{children}</main>
      </body>
    </html>
  );
}
