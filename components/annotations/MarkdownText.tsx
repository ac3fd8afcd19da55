import { Fragment } from 'react';
import { markdownBlocks } from './markdown-blocks';

/**
 * A Markdown body as text: paragraphs, line breaks, `code` and fenced code, every piece a React
 * text node (escaped by React). Never dangerouslySetInnerHTML: annotation bodies are user input.
 */
export function MarkdownText({ body, className }: { body: string; className?: string }) {
  return (
    <div className={className ? `md-text ${className}` : 'md-text'}>
      {markdownBlocks(body).map((block, b) =>
        block.type === 'code' ? (
          <pre key={b} className="md-text__code">
            {block.text}
          </pre>
        ) : (
          <p key={b}>
            {block.lines.map((spans, l) => (
              <Fragment key={l}>
                {l > 0 ? <br /> : null}
                {spans.map((s, i) => (s.code ? <code key={i}>{s.text}</code> : <Fragment key={i}>{s.text}</Fragment>))}
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
