/**
 * The convention the UI and the API rely on: a diagnostic with a locator opens its message with
 * that locator ("line 12: ...", "index 3: ...", "span ab12...: ..."), so a message read alone
 * (a log, a CLI warning, an API client) still says where. Checked over every corpus file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath, listCorpusDir } from '@/lib/test-support/corpus';
import { describeLocator } from '../event';
import { parseText } from './parse-text';

const FILES = ['har', 'otlp', 'jaeger', 'zipkin', 'logs', 'correlated/nezha-onlineboutique-2022-08-22', 'correlated/nezha-trainticket-2023-01-29'].flatMap(listCorpusDir);

describe('diagnostic messages', () => {
  it.each(FILES)('%s: every located diagnostic names its locator first', (file) => {
    const { diagnostics } = parseText(readFileSync(corpusPath(file), 'utf8'), path.basename(file), undefined, 1 << 20, { referenceTimeMs: Date.UTC(2026, 0, 1) });
    const misnamed = diagnostics.filter((d) => d.locator !== null && !d.message.startsWith(describeLocator(d.locator)));
    expect(misnamed).toEqual([]);
  });
});
