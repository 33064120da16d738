// Why the report is filed under its unit, year and period: the source (清单, 单位名录, 文件名, 标题, 正文) and
// the place in the text that named it, which the text view highlights; for a pending report, what it waits for.
import { Alert, Descriptions, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/api/router.js';
import type { MetaSource } from '../../../../shared/types.js';
import type { TextMark } from '../../components/AnnotatedText.js';

export type Provenance = inferRouterOutputs<AppRouter>['intake']['provenance'];
type Grounds = Provenance['unit'];

const SOURCE_LABELS: Record<MetaSource, string> = { option: '入库时指定', manifest: '报送清单', registry: '单位名录匹配', file: '文件名', title: '标题', text: '正文' };
const FIELDS = [
  ['unit', '单位'],
  ['year', '年度'],
  ['period', '期别'],
] as const;

function describe(g: Grounds, text: string): string {
  if (!g.source && !g.rule) return '未能确定';
  const where = g.rule ? `${g.ruleLabel}${g.span ? `“${text.slice(g.span.start, g.span.end)}”` : ''}` : '';
  const source = g.source ? SOURCE_LABELS[g.source] : '';
  return [source, where].filter(Boolean).join('：');
}

/** The spans that named the unit, year and period, for the text view. */
export function groundMarks(p: Provenance | undefined): TextMark[] {
  if (!p) return [];
  return FIELDS.flatMap(([field, label]) => {
    const g = p[field];
    return g.span ? [{ key: `meta-${field}`, start: g.span.start, end: g.span.end, priority: 6, style: { outline: '2px solid #52c41a', borderRadius: 2 }, className: `meta-${field}`, title: `${label}依据：${g.ruleLabel ?? ''}` }] : [];
  });
}

export function MetaGrounds({ p, text }: { p: Provenance; text: string }) {
  return (
    <>
      {p.status === 'pending' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="report-pending"
          title={<span>待确认：{p.reasons.map((r) => r.label).join('；')}。确认前不参与单位间的比较。<Link to="/pending">去补充信息</Link></span>}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }} data-testid="meta-grounds">
        {FIELDS.map(([field, label]) => (
          <Descriptions.Item key={field} label={`${label}依据`}>
            {p[field].span ? <Tag color="green">{describe(p[field], text)}</Tag> : describe(p[field], text)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}
