import { describe, expect, it } from 'vitest';
import type { PostmortemDocument } from './document';
import { escapeInline, fenced, postmortemMarkdown, utc } from './postmortem-markdown';

const AT = Date.UTC(2026, 10, 20, 10, 2, 3, 830);

function doc(overrides: Partial<PostmortemDocument> = {}): PostmortemDocument {
  return {
    incident: { id: 'inc1', name: 'checkout 500s' },
    title: 'Default role created twice',
    summary: 'A retry re-created the **default** role.',
    impact: '12 orgs had two default roles for 40 minutes.',
    exportedAt: '2026-11-23T15:00:00.000Z',
    firstDivergence: { at: AT, kind: 'invariant', summary: 'one default role per org: broken' },
    items: [
      {
        at: AT,
        endAt: null,
        source: 'annotation',
        kind: 'trigger',
        subject: 'event #148',
        text: 'The retry *re-read* a stale list.\n\nSee `roles-api`.',
        author: 'dana',
        evidence: [{ where: 'roles-db-audit.log line 49', raw: 'INSERT ... ```backticks``` <script>alert(1)</script>' }],
        witnesses: [],
      },
      {
        at: AT + 1000,
        endAt: null,
        source: 'finding',
        kind: 'conflict',
        subject: 'item:I-2041 · sold',
        text: '# not a heading | not a cell <b>bold</b>',
        author: null,
        evidence: [],
        witnesses: [
          { witness: 'inventory.jsonl', value: '7', owner: true },
          { witness: 'reporting.log', value: '8|9', owner: false },
        ],
      },
    ],
    sources: [{ name: 'roles-api.jsonl', format: 'jsonl', events: 1200, clocks: ['roles-api +4,000 ms (aligned, 78 constraints)'] }],
    ...overrides,
  };
}

describe('postmortemMarkdown', () => {
  const md = postmortemMarkdown(doc());

  it('writes the team words, the first divergence, the narrative in order and the sources', () => {
    expect(md.startsWith('# Default role created twice\n')).toBe(true);
    expect(md).toContain('## Summary\n\nA retry re-created the **default** role.');
    expect(md).toContain('## Impact\n\n12 orgs had two default roles for 40 minutes.');
    expect(md).toContain(`## First divergence\n\n${utc(AT)} · invariant: one default role per org: broken`);
    const trigger = md.indexOf('· trigger · event #148');
    const finding = md.indexOf('· finding: conflict · item:I-2041 · sold');
    expect(trigger).toBeGreaterThan(0);
    expect(finding).toBeGreaterThan(trigger);
    // Annotation bodies are the team's Markdown, kept as written.
    expect(md).toContain('The retry *re-read* a stale list.\n\nSee `roles-api`.');
    expect(md).toContain('*dana*');
    expect(md).toContain('- roles-api.jsonl (jsonl, 1,200 events): roles-api +4,000 ms (aligned, 78 constraints)');
  });

  it('fences raw lines so backticks inside cannot close the fence', () => {
    expect(md).toContain('````\nINSERT ... ```backticks``` <script>alert(1)</script>\n````');
  });

  it('makes evidence text inert: no heading, table cell or HTML from a summary or a value', () => {
    expect(md).toContain('\\# not a heading \\| not a cell \\<b\\>bold\\</b\\>');
    expect(md).toContain('| reporting.log | 8\\|9 |');
    expect(md).toContain('| inventory.jsonl (owner) | 7 |');
  });

  it('neutralizes HTML tags in the team text, keeping the rest of its Markdown', () => {
    const md = postmortemMarkdown(doc({ summary: 'p99 < 5 ms <script>alert(1)</script> and **bold**', items: [] }));
    expect(md).toContain('p99 < 5 ms &lt;script>alert(1)&lt;/script> and **bold**');
    expect(md).not.toContain('<script>');
  });

  it('says what is not written yet, and names an untitled postmortem after the incident', () => {
    const empty = postmortemMarkdown(doc({ title: ' ', summary: '', items: [], firstDivergence: null }));
    expect(empty.startsWith('# Postmortem: checkout 500s\n')).toBe(true);
    expect(empty).toContain('## Summary\n\n_Not written yet._');
    expect(empty).toContain('_No annotations or story findings yet._');
    expect(empty).not.toContain('## First divergence');
  });
});

describe('escapeInline and fenced', () => {
  it('escapes only what Markdown would act on', () => {
    expect(escapeInline('10:02:03.830 req-42')).toBe('10:02:03.830 req-42');
    expect(escapeInline('- item')).toBe('\\- item');
    expect(escapeInline('1. first')).toBe('1\\. first');
    expect(escapeInline('a\nb')).toBe('a b');
    expect(escapeInline('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
  });

  it('uses at least three backticks', () => {
    expect(fenced('plain')).toBe('```\nplain\n```');
    expect(fenced('a `b` c')).toBe('```\na `b` c\n```');
  });
});
