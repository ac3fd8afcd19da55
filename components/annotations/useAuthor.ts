'use client';

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { sessionDtoSchema } from '@/lib/schemas/session';

const STORAGE_KEY = 'witness.author';
const CHANGED = 'witness:author';

/**
 * Who is writing. With sign-in the server knows (GET /api/session names the user) and nothing is
 * asked; in an open workspace (no such route, or nobody signed in) the name is asked once and
 * remembered in this browser's localStorage. `needsName` says whether a form must ask for it.
 */
let sessionName: Promise<string | null> | null = null;

function readSessionName(): Promise<string | null> {
  sessionName ??= fetch('/api/session', { cache: 'no-store' })
    .then(async (r) => {
      if (!r.ok) return null;
      // With sign-in configured the server takes the session's name and ignores a claimed one.
      const parsed = sessionDtoSchema.safeParse(await r.json());
      return parsed.success && parsed.data.accessConfigured ? parsed.data.name : null;
    })
    .catch(() => null);
  return sessionName;
}

function storedName(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('storage', listener);
  window.addEventListener(CHANGED, listener);
  return () => {
    window.removeEventListener('storage', listener);
    window.removeEventListener(CHANGED, listener);
  };
}

export function useAuthor(): { name: string; signedIn: boolean; needsName: boolean; remember: (name: string) => void } {
  // localStorage exists only in the browser: the server render sees no name.
  const stored = useSyncExternalStore(subscribe, storedName, () => '');
  const [session, setSession] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void readSessionName().then((n) => {
      if (live) setSession(n);
    });
    return () => {
      live = false;
    };
  }, []);

  const remember = useCallback((next: string) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next.trim());
    } catch {
      // Private mode: the name is asked again next time, nothing else breaks.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);

  const signedIn = session !== null;
  const name = session ?? stored;
  return { name, signedIn, needsName: !signedIn && name === '', remember };
}
