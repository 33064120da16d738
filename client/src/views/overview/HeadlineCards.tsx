// The overview's headline figures, each read against a baseline: the same period a year before and the
// spread across units. Colour is kept for outliers — the units above their department's upper quartile
// or far above their own previous report — not for a rate that is normal in this genre.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { Filters } from '../../../../shared/filters.js';
import { formatInt, formatPercent, formatYearPeriod } from '../../format.js';
import { type RouterOutputs, useTRPC } from '../../trpc.js';

type Baselines = RouterOutputs['overview']['baselines'];
type Headlines = NonNullable<Baselines['current']>['headlines'];
type RateKey = keyof Baselines['spread'];

interface Headline {
  title: string;
  value: (h: Headlines) => number;
  show: (x: number | undefined) => string;
  suffix?: string;
  tip?: string;
  /** The rate whose spread across units and outliers are shown. */
  rate?: RateKey;
}

const HEADLINES: Headline[] = [
  { title: '报告总数', value: (h) => h.reports, show: formatInt, suffix: '份' },
  { title: '报送单位', value: (h) => h.units, show: formatInt, suffix: '个' },
  { title: '平均字数', value: (h) => h.avgChars, show: formatInt, suffix: '字' },
  { title: '平均雷同率', value: (h) => h.reuseRate, show: formatPercent, tip: '套话+抄用+范文+自我重复', rate: 'reuse' },
  { title: '抄自他单位文字占比', value: (h) => h.copiedRate, show: formatPercent, tip: '先报送者不计', rate: 'copied' },
  { title: '未写“存在问题”的报告', value: (h) => h.withoutProblemsShare, show: formatPercent, tip: '报喜不报忧' },
];

function Baseline({ h, b }: { h: Headline; b: Baselines | undefined }) {
  if (!b?.current) return null;
  const now = h.value(b.current.headlines);
  const spread = h.rate ? b.spread[h.rate] : null;
  const outliers = h.rate ? b.outliers[h.rate] : [];
  return (
    <div style={{ fontSize: 12, lineHeight: 1.7 }} data-testid="headline-baseline">
      <Typography.Text type="secondary">
        {formatYearPeriod(b.current.year, b.current.period)} {h.show(now)}
        {b.previous ? `，上年同期 ${h.show(h.value(b.previous.headlines))}` : '，无上年同期'}
      </Typography.Text>
      {spread && (
        <div>
          <Typography.Text type="secondary">
            各单位中位数 {formatPercent(spread.median)}（四分位 {formatPercent(spread.p25)}–{formatPercent(spread.p75)}）
          </Typography.Text>
        </div>
      )}
      {outliers.length > 0 && (
        <Tooltip title={outliers.map((o) => `${o.unit}：${o.reasons.map((r) => (r === 'peer' ? '高于本部门上四分位' : '较上期明显上升')).join('、')}`).join('；')}>
          <Tag color="red" data-testid="headline-outliers">
            突出单位 {outliers.length} 个
          </Tag>
        </Tooltip>
      )}
    </div>
  );
}

export function HeadlineCards({ filters }: { filters: Filters }) {
  const trpc = useTRPC();
  const headlines = useQuery(trpc.overview.headlines.queryOptions(filters));
  const baselines = useQuery(trpc.overview.baselines.queryOptions(filters));
  return HEADLINES.map((s) => (
    <Col xs={12} md={8} xl={4} key={s.title}>
      <Card loading={headlines.isLoading} data-testid={`headline-${s.title}`}>
        <Statistic title={s.tip ? <span>{s.title} <Tag>{s.tip}</Tag></span> : s.title} value={s.show(headlines.data ? s.value(headlines.data) : undefined)} suffix={s.suffix} />
        <Baseline h={s} b={baselines.data} />
      </Card>
    </Col>
  ));
}
