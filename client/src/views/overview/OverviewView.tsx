import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Spin, Switch, Table, Tag, Typography } from 'antd';
import type { ECElementEvent } from 'echarts';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { reportsByDepartmentYearChart } from '../../../../shared/charts/reportsByDepartmentYear.js';
import { flagLabel } from '../../../../shared/flags.js';
import { REUSE_KIND_LABELS, type Period } from '../../../../shared/types.js';
import { Chart } from '../../components/Chart.js';
import { BriefingButton } from '../../components/ExportButtons.js';
import { formatYearPeriod } from '../../format.js';
import { HeadlineCards } from './HeadlineCards.js';
import { useTRPC } from '../../trpc.js';
import { useFilters } from '../../useFilters.js';

export function OverviewView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useFilters();
  const byDeptYear = useQuery(trpc.overview.reportsByDepartmentYear.queryOptions(filters));
  const me = useQuery(trpc.auth.me.queryOptions());
  const reviewer = me.data?.role === 'admin' || me.data?.role === 'reviewer';
  // Sample units (样本) stay out of 未报送 and 需重点审阅 unless the reviewer asks for them.
  const [includeSamples, setIncludeSamples] = useState(false);
  const missing = useQuery({ ...trpc.overview.missingSubmissions.queryOptions({ ...filters, includeSamples }), enabled: reviewer });
  const review = useQuery({ ...trpc.overview.needingReview.queryOptions({ ...filters, includeSamples }), enabled: reviewer });
  const pending = useQuery({ ...trpc.intake.pendingCount.queryOptions(), enabled: reviewer });
  const option = useMemo(() => reportsByDepartmentYearChart(byDeptYear.data ?? []), [byDeptYear.data]);
  const onBarClick = useCallback(
    (p: ECElementEvent) => {
      const year = Number(p.name);
      setFilters({ department: p.seriesName, ...(Number.isInteger(year) ? { year } : {}) });
    },
    [setFilters],
  );
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
      <Col span={24} style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 16 }}>
        {reviewer && (
          <span>
            <Switch size="small" checked={includeSamples} onChange={setIncludeSamples} data-testid="include-samples" /> 显示样本单位
          </span>
        )}
        <BriefingButton />
      </Col>
      <HeadlineCards filters={filters} />
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
          title={missing.data?.year ? `未报送 ${missing.data.units.length} 个单位（${formatYearPeriod(missing.data.year, missing.data.period as Period)}）` : '未报送单位'}
          loading={missing.isLoading}
          styles={{ body: { maxHeight: 330, overflow: 'auto' } }}
          data-testid="missing-submissions"
        >
          <List
            size="small"
            dataSource={missing.data?.units ?? []}
            header={missing.data && <Typography.Text type="secondary">{missing.data.basis === 'registry' ? '按报送单位名录的应报期别判断' : '未导入报送单位名录，按曾报送过的单位判断'}</Typography.Text>}
            locale={{ emptyText: '本期各单位均已报送' }}
            renderItem={(u) => (
              <List.Item extra={<Typography.Text type="secondary">{u.lastYear ? `最近报送 ${formatYearPeriod(u.lastYear, u.lastPeriod)}` : '从未报送'}</Typography.Text>}>
                <Link to={`/reports?unit=${encodeURIComponent(u.name)}`}>{u.name}</Link>
                {u.department && <Tag style={{ marginLeft: 8 }}>{u.department}</Tag>}
                {u.sample && <Tag color="default">样本</Tag>}
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
                { title: '单位', dataIndex: 'unit', width: 180, render: (u: string, r) => <span>{u}{r.sample && <Tag style={{ marginLeft: 6 }}>样本</Tag>}</span> },
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
