// The report text's legend for reused passages: each kind in its highlight with its share of the report
// (范文 and 上级文件 apart, counted from the spans: the rates give templates in one).
import type { ReportReuse } from '../../../../shared/types.js';
import { SpanTag, spanShow } from '../../components/ReuseSources.js';
import { formatPercent } from '../../format.js';

export function ReuseLegend({ reuse, text }: { reuse: ReportReuse | undefined; text: string }) {
  const share = (show: 'model' | 'directive') => {
    if (!reuse || reuse.chars === 0) return undefined;
    const chars = reuse.spans.filter((s) => spanShow(s) === show).reduce((n, s) => n + text.slice(s.start, s.end).replace(/\s/g, '').length, 0);
    return chars / reuse.chars;
  };
  return (
    <>
      {(['copied', 'shared', 'model', 'directive', 'self', 'stock'] as const).map((k) => (
        <SpanTag key={k} show={k}>
          {' '}
          {formatPercent(k === 'model' || k === 'directive' ? share(k) : reuse?.rates[k])}
        </SpanTag>
      ))}
      <SpanTag show="original" />
    </>
  );
}
