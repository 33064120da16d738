// The report view's reused passages: each kind in its colour, and on hover what it is and where else it
// stands (chips leading to the side-by-side view; template spans name the template, linked to the 范文库
// for those who may open it).
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { TEMPLATE_USE_LABELS, type ReportReuse, type ReuseSpan } from '../../../../shared/types.js';
import { SourceChips, SPAN_LABELS, SPAN_STYLES, spanShow } from '../../components/ReuseSources.js';
import type { TextMark } from '../../components/AnnotatedText.js';

const LEADS = {
  copied: '抄自其他单位较早的报告：',
  shared: '与其他单位同一报送期的报告雷同（先后不明）：',
  self: '与本单位往期报告相同：',
  original: '本段先于以下报告报送，被其抄用（不计入本报告的雷同率）：',
} as const;

function explain(reportId: number, span: ReuseSpan, canCompare: boolean): ReactNode {
  if (span.kind === 'template') {
    return (
      <div>
        {span.sources.map((t) => (
          <div key={t.template}>
            {TEMPLATE_USE_LABELS[t.kind]}：
            {canCompare ? (
              <Link style={{ color: '#91caff' }} to={`/templates?id=${t.template}`}>
                《{t.title}》
              </Link>
            ) : (
              `《${t.title}》`
            )}
          </div>
        ))}
      </div>
    );
  }
  if (span.kind === 'stock') return `${SPAN_LABELS.stock}：多个单位通用的表述（${span.sources.length} 处来源）`;
  return (
    <div>
      <div>{LEADS[span.kind]}</div>
      <SourceChips reportId={reportId} sources={span.sources} link={canCompare} />
    </div>
  );
}

/** The marks of a report's reused passages (beneath the other findings). */
export function reuseMarks(reportId: number, reuse: ReportReuse | undefined, canCompare: boolean): TextMark[] {
  return (reuse?.spans ?? []).map((span, i) => {
    const show = spanShow(span);
    return { key: `r${i}`, start: span.start, end: span.end, priority: 0, style: SPAN_STYLES[show], className: `reuse-${show}`, title: explain(reportId, span, canCompare) };
  });
}
