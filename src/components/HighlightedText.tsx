/** Text with some character ranges marked, rendered as React text nodes (never as HTML). */

export interface Highlight {
  start: number;
  end: number;
  /** CSS class of the mark, e.g. the kind of highlight. */
  className: string;
  /** Said by screen readers and shown on hover, e.g. the theme the sentence is evidence for. */
  title?: string;
}

interface Segment {
  start: number;
  end: number;
  marks: Highlight[];
}

/** Cuts the text at every range boundary, so overlapping ranges (evidence and a search hit) both show. */
export function segments(length: number, highlights: readonly Highlight[]): Segment[] {
  const valid = highlights.filter((h) => h.start >= 0 && h.end <= length && h.start < h.end);
  const cuts = [...new Set([0, length, ...valid.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    out.push({ start, end, marks: valid.filter((h) => h.start <= start && h.end >= end) });
  }
  return out;
}

/** Renders `text` with its highlights as <mark> elements; whitespace and line breaks are kept by CSS. */
export function HighlightedText({ text, highlights, className }: { text: string; highlights: readonly Highlight[]; className?: string }) {
  return (
    <div className={className}>
      {segments(text.length, highlights).map((s) => {
        const part = text.slice(s.start, s.end);
        if (!s.marks.length) return <span key={s.start}>{part}</span>;
        const title = s.marks.map((m) => m.title).filter(Boolean).join('; ');
        return (
          <mark key={s.start} className={s.marks.map((m) => m.className).join(' ')} title={title || undefined}>
            {part}
          </mark>
        );
      })}
    </div>
  );
}
