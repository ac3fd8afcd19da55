/**
 * Markdown as inert text (issue 5): annotations are shown as React text nodes, never as HTML, so
 * a body holding `<script>` or `<img onerror>` is only ever characters on screen. This splits
 * a body into what the renderer lays out: fenced code blocks (kept verbatim, preformatted) and
 * paragraphs (blank-line separated) of lines, each line into plain text and `inline code` spans.
 * Emphasis markers stay as typed: readable, and nothing is interpreted.
 */
export type Inline = { code: boolean; text: string };
export type Block = { type: 'code'; text: string } | { type: 'paragraph'; lines: Inline[][] };

export function inlineSpans(line: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (m.index > last) out.push({ code: false, text: line.slice(last, m.index) });
    out.push({ code: true, text: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < line.length || out.length === 0) out.push({ code: false, text: line.slice(last) });
  return out;
}

export function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let code: string[] | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', lines: paragraph.map(inlineSpans) });
    paragraph = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (code !== null) {
      if (/^\s*```/.test(line)) {
        blocks.push({ type: 'code', text: code.join('\n') });
        code = null;
      } else code.push(line);
    } else if (/^\s*```/.test(line)) {
      flush();
      code = [];
    } else if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  // An unclosed fence still shows its lines, as code.
  if (code !== null) blocks.push({ type: 'code', text: code.join('\n') });
  flush();
  return blocks;
}
