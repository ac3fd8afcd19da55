/**
 * One syslog message, without framing: RFC 5424, RFC 3164 (BSD) and the PRI-less BSD form that
 * files under /var/log hold.
 *
 *   RFC 5424: <PRI>VERSION TIMESTAMP HOST APP-NAME PROCID MSGID [SD-ID k="v"...]... MSG
 *   RFC 3164: <PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG     (also without <PRI>, or with an
 *             RFC 3339 time in place of the BSD one, as rsyslog writes by default)
 *
 * The BSD timestamp has no year and no zone. Parsing code may not read the clock (lib/domain is
 * pure), so a year-less time gives `ts: null` here and is kept, as written, in `yearless`; the
 * parser dates it with bsdTimeBefore() when its caller supplies a reference time (zone: UTC,
 * like every zone-less time). `-` is RFC 5424's nil value and gives null.
 */
import type { EpochMs } from '../event';
import { parseIsoTimestamp } from './fields/timestamp';

export interface SyslogMessage {
  /** `<PRI>`: facility * 8 + severity; null when the message has none. */
  priority: number | null;
  version: 1 | null;
  ts: EpochMs | null;
  /** The BSD `Mmm dd hh:mm:ss` text when the time had no year. */
  yearless: string | null;
  host: string | null;
  app: string | null;
  procId: string | null;
  msgId: string | null;
  /** Structured-data parameters by SD-ID, in order. */
  structuredData: Array<{ id: string; params: Record<string, string> }>;
  message: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `<PRI>` at `i`: returns the priority and the index after `>`, or null. */
function readPriority(s: string, i: number): { priority: number; next: number } | null {
  if (s[i] !== '<') return null;
  let j = i + 1;
  let n = 0;
  while (j < s.length && j <= i + 3 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) n = n * 10 + s.charCodeAt(j++) - 48;
  if (j === i + 1 || s[j] !== '>' || n > 191) return null;
  return { priority: n, next: j + 1 };
}

/** `Mmm dd hh:mm:ss` (day space-padded) at `i`; returns the text and the index after it. */
export function readBsdTimestamp(s: string, i: number): { text: string; next: number } | null {
  if (!MONTHS.includes(s.slice(i, i + 3)) || s[i + 3] !== ' ') return null;
  const m = /^ ?\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)?/.exec(s.slice(i + 4, i + 24));
  if (!m) return null;
  const end = i + 4 + m[0].length;
  return { text: s.slice(i, end), next: end };
}

function token(s: string, i: number): { value: string | null; next: number } {
  let j = i;
  while (j < s.length && s.charCodeAt(j) !== 32) j++;
  const value = s.slice(i, j);
  return { value: value === '-' || value === '' ? null : value, next: j < s.length ? j + 1 : j };
}

/** RFC 5424 STRUCTURED-DATA at `i`: `-` or one or more `[id name="value" ...]`. */
function readStructuredData(s: string, i: number): { elements: SyslogMessage['structuredData']; next: number } | null {
  const elements: SyslogMessage['structuredData'] = [];
  if (s[i] === '-') return { elements, next: i + 1 };
  while (s[i] === '[') {
    let j = i + 1;
    while (j < s.length && s[j] !== ' ' && s[j] !== ']') j++;
    const element = { id: s.slice(i + 1, j), params: {} as Record<string, string> };
    for (;;) {
      while (s[j] === ' ') j++;
      if (s[j] === ']') break;
      const eq = s.indexOf('="', j);
      if (eq < 0) return null;
      const name = s.slice(j, eq);
      let k = eq + 2;
      let value = '';
      while (k < s.length && s[k] !== '"') {
        // Inside PARAM-VALUE, `\"`, `\\` and `\]` are escapes (RFC 5424 section 6.3.3).
        if (s[k] === '\\' && (s[k + 1] === '"' || s[k + 1] === '\\' || s[k + 1] === ']')) k++;
        value += s[k];
        k++;
      }
      if (k >= s.length) return null;
      element.params[name] = value;
      j = k + 1;
    }
    elements.push(element);
    i = j + 1;
  }
  return elements.length > 0 ? { elements, next: i } : null;
}

function parse5424(s: string, i: number, priority: number): SyslogMessage | null {
  const end = { index: i };
  let ts: EpochMs | null = null;
  if (s[i] === '-') end.index = i + 1;
  else {
    ts = parseIsoTimestamp(s, i, end);
    if (ts === null) return null;
  }
  if (s[end.index] !== ' ') return null;
  const host = token(s, end.index + 1);
  const app = token(s, host.next);
  const procId = token(s, app.next);
  const msgId = token(s, procId.next);
  const sd = readStructuredData(s, msgId.next);
  if (!sd) return null;
  let message = s.slice(sd.next + (s[sd.next] === ' ' ? 1 : 0));
  if (message.charCodeAt(0) === 0xfeff) message = message.slice(1); // MSG may open with a BOM
  return {
    priority,
    version: 1,
    ts,
    yearless: null,
    host: host.value,
    app: app.value,
    procId: procId.value,
    msgId: msgId.value,
    structuredData: sd.elements,
    message,
  };
}

/** `TAG[PID]: ` or `TAG: ` at `i`: a tag is short and has no spaces. */
function readTag(s: string, i: number): { app: string; procId: string | null; next: number } | null {
  const m = /^([^\s:[\]]{1,48})(?:\[([^\]\s]*)\])?: ?/.exec(s.slice(i, i + 64));
  if (!m || m[1] === undefined) return null;
  return { app: m[1], procId: m[2] ?? null, next: i + m[0].length };
}

function parse3164(s: string, i: number, priority: number | null): SyslogMessage | null {
  let ts: EpochMs | null = null;
  let yearless: string | null = null;
  let next: number;
  const bsd = readBsdTimestamp(s, i);
  if (bsd) {
    yearless = bsd.text;
    next = bsd.next;
  } else {
    const end = { index: i };
    ts = parseIsoTimestamp(s, i, end);
    if (ts === null || end.index - i < 16) return null;
    next = end.index;
  }
  if (s[next] !== ' ') return null;
  next++;
  // HOST is optional in practice: a first word that already reads as `tag:` is the tag.
  let host: string | null = null;
  let tag = readTag(s, next);
  if (!tag) {
    const word = token(s, next);
    host = word.value;
    tag = readTag(s, word.next);
    next = word.next;
  }
  return {
    priority,
    version: null,
    ts,
    yearless,
    host,
    app: tag?.app ?? null,
    procId: tag?.procId ?? null,
    msgId: null,
    structuredData: [],
    message: s.slice(tag ? tag.next : next),
  };
}

/** Parses one message; null when it is not syslog in any of the forms above. */
export function parseSyslogMessage(s: string): SyslogMessage | null {
  const pri = readPriority(s, 0);
  if (pri && s[pri.next] === '1' && s[pri.next + 1] === ' ') {
    return parse5424(s, pri.next + 2, pri.priority) ?? parse3164(s, pri.next, pri.priority);
  }
  return parse3164(s, pri ? pri.next : 0, pri ? pri.priority : null);
}

const DAY_MS = 86_400_000;

/**
 * Dates a year-less BSD `Mmm dd hh:mm:ss[.fff]` time (UTC) the way syslog readers do: the most
 * recent year that puts it at or before `referenceMs` + 1 day (the day of slack absorbs a
 * sender whose clock or zone runs ahead). A Dec 31 line read with a Jan 2 reference is last
 * year's; Feb 29 goes back to the last leap year. Null when the text is no valid date.
 */
export function bsdTimeBefore(text: string, referenceMs: EpochMs): { ts: EpochMs; year: number } | null {
  const m = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1] as string);
  const day = Number(m[2]);
  const hour = Number(m[3]);
  const minute = Number(m[4]);
  const second = Number(m[5]);
  if (month < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[6] !== undefined ? Number(`0.${m[6]}`) * 1000 : 0;
  const notAfter = referenceMs + DAY_MS;
  let year = new Date(notAfter).getUTCFullYear();
  // Eight years always reach a leap year, for Feb 29.
  for (let tries = 0; tries < 8; tries++, year--) {
    const ts = Date.UTC(year, month, day, hour, minute, second) + fraction;
    const date = new Date(ts);
    if (date.getUTCMonth() !== month || date.getUTCDate() !== day) continue; // no Feb 29 that year
    if (ts <= notAfter) return { ts, year };
  }
  return null;
}
