import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Spin, Statistic } from 'antd';
import { useCallback, useMemo } from 'react';
import type { ECElementEvent } from 'echarts';
import { reportsByDepartmentYearChart } from '../../../../shared/charts/reportsByDepartmentYear.js';
import { Chart } from '../../components/Chart.js';
import { useTRPC } from '../../trpc.js';
import { useFilters } from '../../useFilters.js';

export function OverviewView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useFilters();
  const byDeptYear = useQuery(trpc.overview.reportsByDepartmentYear.queryOptions(filters));
  const option = useMemo(() => reportsByDepartmentYearChart(byDeptYear.data ?? []), [byDeptYear.data]);
  const total = (byDeptYear.data ?? []).reduce((s, r) => s + r.reports, 0);
  const departments = new Set((byDeptYear.data ?? []).map((r) => r.department)).size;
  const onBarClick = useCallback(
    (p: ECElementEvent) => {
      const year = Number(p.name);
      setFilters({ department: p.seriesName, ...(Number.isInteger(year) ? { year } : {}) });
    },
    [setFilters],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title="报告总数" value={total} suffix="份" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title="涉及部门" value={departments} suffix="个" />
        </Card>
      </Col>
      <Col span={24}>
        <Card>
          {byDeptYear.isLoading ? (
            <Spin tip="加载中…">
              <div style={{ height: 360 }} />
            </Spin>
          ) : total === 0 ? (
            <Empty description="当前筛选条件下没有报告" />
          ) : (
            <Chart option={option} onClick={onBarClick} testId="chart-reports-by-department-year" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
