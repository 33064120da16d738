import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Spin, Statistic, Tag, Typography } from 'antd';
import type { ECElementEvent } from 'echarts';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { reportsByDepartmentYearChart } from '../../../../shared/charts/reportsByDepartmentYear.js';
import type { Period } from '../../../../shared/types.js';
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
  const missing = useQuery(trpc.overview.missingSubmissions.queryOptions(filters));
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
      <Col span={24} style={{ display: 'flex', justifyContent: 'flex-end' }}><BriefingButton /></Col>
      {[
        { title: '报告总数', value: formatInt(h?.reports), suffix: '份' },
        { title: '报送单位', value: formatInt(h?.units), suffix: '个' },
        { title: '平均字数', value: formatInt(h?.avgChars), suffix: '字' },
        { title: '未写“存在问题”的报告', value: formatPercent(h?.withoutProblemsShare), tip: '报喜不报忧' },
      ].map((s) => (
        <Col xs={12} md={6} key={s.title}>
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
    </Row>
  );
}
