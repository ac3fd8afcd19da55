import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/access/SignInForm';
import { safeNextPath } from '@/lib/server/access/next-path';
import { pageAccess } from '@/lib/server/access/page-access';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

interface SignInPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

/** The way in when WITNESS_ACCESS_PASSWORD is set; `next` (a local path only) is where to go after. */
export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { next: raw } = await searchParams;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw);
  const access = await pageAccess();
  return (
    <div className="sign-in">
      <h1>Sign in</h1>
      {!access.configured ? (
        <p>
          This workspace is open: no sign-in is needed. <Link href={next}>Continue</Link>
        </p>
      ) : access.session ? (
        <p>
          You are signed in as <strong>{access.session.name}</strong>. <Link href={next}>Continue</Link>
        </p>
      ) : (
        <>
          <p className="muted">Your name is shown as the author of what you write.</p>
          <SignInForm next={next} />
        </>
      )}
    </div>
  );
}
