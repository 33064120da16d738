import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ECElementEvent } from 'echarts';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { reportsByDepartmentYearChart } from '../../../../shared/charts/reportsByDepartmentYear.js';
import { flagLabel } from '../../../../shared/flags.js';
import { REUSE_KIND_LABELS, type Period } from '../../../../shared/types.js';
import { Chart } from '../../components/Chart.js';
import { BriefingButton } from '../../components/ExportButtons.js';
import { formatInt, formatPercent, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilters } from '../../useFilters.js';

export function OverviewView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useFilters();
  const byDeptYear = useQuery(trpc.overview.reportsByDepartmentYear.queryOptions(filters));
  const headlines = useQuery(trpc.overview.headlines.queryOptions(filters));
  const me = useQuery(trpc.auth.me.queryOptions());
  const reviewer = me.data?.role === 'admin' || me.data?.role === 'reviewer';
  const missing = useQuery({ ...trpc.overview.missingSubmissions.queryOptions(filters), enabled: reviewer });
  const review = useQuery({ ...trpc.overview.needingReview.queryOptions(filters), enabled: reviewer });
  const pending = useQuery({ ...trpc.intake.pendingCount.queryOptions(), enabled: reviewer });
  const option = useMemo(() => reportsByDepartmentYearChart(byDeptYear.data ?? []), [byDeptYear.data]);
  const onBarClick = useCallback(
    (p: ECElementEvent) => {
      const year = Number(p.name);
      setFilters({ department: p.seriesName, ...(Number.isInteger(year) ? { year } : {}) });
    },
    [setFilters],
  );
  const h = headlines.data;
  return (
    <Row gutter={[16, 16]}>
      {reviewer && (pending.data ?? 0) > 0 && (
        <Col span={24}>
          <Alert
            type="warning"
            showIcon
            data-testid="pending-alert"
            title={<span>有 {pending.data} 份报告未能确定报送单位或年度（或疑似更正版本），暂不计入下列统计：<Link to="/pending">去补充信息</Link></span>}
          />
        </Col>
      )}
      <Col span={24} style={{ display: 'flex', justifyContent: 'flex-end' }}><BriefingButton /></Col>
      {[
        { title: '报告总数', value: formatInt(h?.reports), suffix: '份' },
        { title: '报送单位', value: formatInt(h?.units), suffix: '个' },
        { title: '平均字数', value: formatInt(h?.avgChars), suffix: '字' },
        { title: '平均雷同率', value: formatPercent(h?.reuseRate), tip: '套话+抄用+范文+自我重复' },
        { title: '抄自他单位文字占比', value: formatPercent(h?.copiedRate), tip: '先报送者不计' },
        { title: '未写“存在问题”的报告', value: formatPercent(h?.withoutProblemsShare), tip: '报喜不报忧' },
      ].map((s) => (
        <Col xs={12} md={8} xl={4} key={s.title}>
          <Card loading={headlines.isLoading} data-testid={`headline-${s.title}`}>
            <Statistic title={s.tip ? <span>{s.title} <Tag color="volcano">{s.tip}</Tag></span> : s.title} value={s.value} suffix={s.suffix} />
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={16}>
        <Card>
          {byDeptYear.isLoading ? (
            <Spin tip="加载中…">
              <div style={{ height: 360 }} />
            </Spin>
          ) : (byDeptYear.data ?? []).length === 0 ? (
            <Empty description="当前筛选条件下没有报告" />
          ) : (
            <Chart option={option} onClick={onBarClick} testId="chart-reports-by-department-year" />
          )}
        </Card>
      </Col>
      {reviewer && (
      <Col xs={24} xl={8}>
        <Card
          title={missing.data?.year ? `未报送单位（${formatYearPeriod(missing.data.year, missing.data.period as Period)}）` : '未报送单位'}
          loading={missing.isLoading}
          styles={{ body: { maxHeight: 330, overflow: 'auto' } }}
          data-testid="missing-submissions"
        >
          <List
            size="small"
            dataSource={missing.data?.units ?? []}
            locale={{ emptyText: '本期各单位均已报送' }}
            renderItem={(u) => (
              <List.Item extra={<Typography.Text type="secondary">{u.lastYear ? `最近报送 ${u.lastYear}年` : '从未报送'}</Typography.Text>}>
                <Link to={`/reports?unit=${encodeURIComponent(u.name)}`}>{u.name}</Link>
                {u.department && <Tag style={{ marginLeft: 8 }}>{u.department}</Tag>}
              </List.Item>
            )}
          />
        </Card>
      </Col>
      )}
      {reviewer && (
        <Col span={24}>
          <Card title="需重点审阅的报告" data-testid="needing-review">
            <Table
              size="small"
              rowKey="id"
              loading={review.isLoading}
              pagination={false}
              dataSource={review.data ?? []}
              locale={{ emptyText: '没有需要重点审阅的报告' }}
              columns={[
                { title: '单位', dataIndex: 'unit', width: 180 },
                { title: '报告', key: 'r', render: (_: unknown, r) => <Link to={`/reports/${r.id}`}>{r.title ?? formatYearPeriod(r.year, r.period)}</Link> },
                {
                  title: '原因',
                  key: 'reasons',
                  render: (_: unknown, r) =>
                    r.reasons.map((x) => (
                      <Tag key={x.kind} color={x.kind === 'copied' ? 'red' : x.kind === 'self' ? 'purple' : 'orange'}>
                        {x.kind === 'copied' || x.kind === 'self' ? `${REUSE_KIND_LABELS[x.kind]} ${x.count}%` : `${flagLabel(x.kind)}${x.count > 1 ? ` ×${x.count}` : ''}`}
                      </Tag>
                    )),
                },
              ]}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}
