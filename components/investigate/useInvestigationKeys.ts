'use client';

import { useEffect, useRef } from 'react';
import type { InvestigationDto } from '@/lib/schemas/investigation';
import { showFindingInTimeline } from './FindingsPanel';
import { listFindings, stepFinding } from './finding-navigation';
import type { InvestigationState, InvestigationView } from './investigation-url';
import { interpretKey, type KeyAction } from './keymap';
import type { Navigate } from './useInvestigationUrl';

/** The event views listen for this to move their selection (`j` / `k`). */
export const STEP_EVENT = 'witness:step';
export type StepDetail = { dir: 1 | -1 };

interface KeyContext {
  investigation: InvestigationDto | null;
  state: InvestigationState;
  view: InvestigationView;
  navigate: Navigate;
  focusSearch: () => void;
  toggleHelp: () => void;
  /** Esc with nothing to close: the previous view. */
  back: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Where `n` / `N` / `g f` land: the same kind of view when the finding has one, else the timeline. */
function openFinding(ctx: KeyContext, dir: 1 | -1 | 0): void {
  const { investigation, state, view, navigate } = ctx;
  if (!investigation) return;
  let finding;
  if (dir === 0) {
    finding = investigation.firstDivergence === null ? null : investigation.findings[investigation.firstDivergence];
  } else {
    const list = listFindings(investigation, state.kinds, state.kinds.length > 0);
    finding = stepFinding(list, state.event, state.window?.from ?? null, dir);
  }
  if (!finding) return;
  if (dir !== 0 && view === 'findings') navigate({ event: finding.eventId });
  else if (dir !== 0 && view === 'entity' && finding.entity) navigate({ entity: finding.entity, field: finding.field, event: finding.eventId });
  else if (dir !== 0 && view === 'request' && finding.request) navigate({ request: finding.request, event: finding.eventId });
  else showFindingInTimeline(finding, investigation, state.time, navigate);
}

function run(action: KeyAction, ctx: KeyContext, event: KeyboardEvent): void {
  switch (action) {
    case 'next-event':
    case 'prev-event':
      // The active view hears the step (a focused events grid moves its own rows first).
      window.dispatchEvent(new CustomEvent<StepDetail>(STEP_EVENT, { detail: { dir: action === 'next-event' ? 1 : -1 } }));
      break;
    case 'next-finding':
      openFinding(ctx, 1);
      break;
    case 'prev-finding':
      openFinding(ctx, -1);
      break;
    case 'first-divergence':
      openFinding(ctx, 0);
      break;
    case 'search':
      ctx.focusSearch();
      break;
    case 'help':
      ctx.toggleHelp();
      break;
    case 'back':
      if (ctx.state.event !== null) ctx.navigate({ event: null });
      else ctx.back();
      break;
  }
  event.preventDefault();
}

/**
 * The investigation's keys, on the window: views that handle a key themselves (the events table's
 * Esc closing its detail) call preventDefault on the way up, and such keys are left alone here,
 * as are keys inside a dialog. Keys typed into a field are the field's, except Esc, which leaves
 * the field.
 */
export function useInvestigationKeys(ctx: KeyContext): void {
  const ctxRef = useRef(ctx);
  const pending = useRef(false);
  useEffect(() => {
    ctxRef.current = ctx;
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // A modal dialog (the key help) owns the keyboard: its Esc must reach the browser's own close.
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      const result = interpretKey(event.key, pending.current);
      pending.current = result.pending;
      if (result.action) run(result.action, ctxRef.current, event);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
