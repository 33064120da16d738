// How reused text is shown across the views: one colour per kind (as in the charts), and the reports a
// passage stands in as chips naming unit and period (市民政局 2022年上半年), each unit once, leading to the
// side-by-side view.
import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { SHARE_COLORS } from '../../../shared/charts/reuse.js';
import { sourceLabel, sourcesByUnit } from '../../../shared/periods.js';
import { type ReuseSource, type ReuseSpan, SHARE_LABELS, type ShareKind } from '../../../shared/types.js';

/** What a span is to a reader: its kind, template spans told apart by what the template is. */
export type SpanShow = ShareKind | 'original';

export function spanShow(span: ReuseSpan): SpanShow {
  if (span.kind === 'template') return span.sources.some((s) => s.kind === 'directive') ? 'directive' : 'model';
  return span.kind;
}

export const SPAN_LABELS: Record<SpanShow, string> = { ...SHARE_LABELS, original: '被他单位抄用' };

/** Light tints of the chart colours for highlighting text; text others took from this report is only underlined. */
export const SPAN_STYLES: Record<SpanShow, CSSProperties> = {
  copied: { background: '#ffd8bf' },
  shared: { background: '#fff1b8' },
  model: { background: '#d9f7be' },
  directive: { background: '#b5f5ec' },
  self: { background: '#efdbff' },
  stock: { background: '#e6f4ff' },
  original: { borderBottom: `2px dashed ${SHARE_COLORS.copied}` },
};

/** A legend tag in the kind's highlight. */
export function SpanTag({ show, children }: { show: SpanShow; children?: ReactNode }) {
  return (
    <Tag style={{ ...SPAN_STYLES[show], color: '#333', borderColor: show === 'original' ? 'transparent' : undefined }} data-testid={`legend-${show}`}>
      {SPAN_LABELS[show]}
      {children}
    </Tag>
  );
}

/** The other reports holding a passage, each unit once (its earliest report), linked side by side with `reportId`. */
export function SourceChips({ reportId, sources, link = true, color }: { reportId: number; sources: Array<Pick<ReuseSource, 'unit' | 'year' | 'period'> & { id: number | string }>; link?: boolean; color?: string }) {
  return (
    <>
      {sourcesByUnit(sources).map((g) => {
        const label = `${sourceLabel(g.first)}${g.reports > 1 ? ` 等 ${g.reports} 份` : ''}`;
        return (
          <Tag key={g.unit} color={color} style={{ marginInlineEnd: 4 }}>
            {link ? <Link to={`/compare?a=${reportId}&b=${g.first.id}`}>{label}</Link> : label}
          </Tag>
        );
      })}
    </>
  );
}
