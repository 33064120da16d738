// The report text with its findings highlighted. React escapes every text node, so report text is
// never interpreted as HTML.
import { Tooltip } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useMemo } from 'react';
import { type Annotation, segmentText } from '../../../shared/segments.js';

export interface TextMark extends Annotation {
  style: CSSProperties;
  title?: ReactNode;
  /** DOM id placed at the mark's start, for scrolling to it. */
  anchorId?: string;
  className?: string;
}

export function AnnotatedText({ text, marks }: { text: string; marks: TextMark[] }) {
  const segments = useMemo(() => segmentText(text.length, marks), [text, marks]);
  const anchors = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const mark of marks) if (mark.anchorId) m.set(mark.start, [...(m.get(mark.start) ?? []), mark.anchorId]);
    return m;
  }, [marks]);
  return (
    <div data-testid="report-text" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, fontSize: 15, fontFamily: '"Noto Serif CJK SC", "SimSun", serif' }}>
      {segments.map((seg) => {
        const content = text.slice(seg.start, seg.end);
        const ids = anchors.get(seg.start)?.map((id) => <span key={id} id={id} />);
        if (seg.active.length === 0) return <span key={seg.start}>{ids}{content}</span>;
        const style = Object.assign({}, ...[...seg.active].reverse().map((a) => a.style)) as CSSProperties;
        const titled = seg.active.find((a) => a.title);
        const span = (
          <span key={seg.start} style={style} className={seg.active.map((a) => a.className).filter(Boolean).join(' ')}>
            {ids}
            {content}
          </span>
        );
        return titled ? (
          <Tooltip key={seg.start} title={titled.title}>
            {span}
          </Tooltip>
        ) : (
          span
        );
      })}
    </div>
  );
}
