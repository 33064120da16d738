// 问题主题: the main themes over the years and by department, the themes with their statements (and a
// reviewer's corrections), and the units reporting the same theme period after period.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { mainThemes, themeDepartmentChart, themeTrendChart } from '../../../../shared/charts/themes.js';
import { Chart } from '../../components/Chart.js';
import { useTRPC } from '../../trpc.js';
import { useFilters } from '../../useFilters.js';
import { ThemeRecurrences } from './ThemeRecurrences.js';
import { ThemeTable } from './ThemeTable.js';

export function ThemesView() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const list = useQuery(trpc.themes.list.queryOptions(filters));
  const trends = useQuery(trpc.themes.trends.queryOptions(filters));
  const byDept = useQuery(trpc.themes.byDepartment.queryOptions(filters));

  const shownThemes = useMemo(() => mainThemes(list.data?.themes ?? []), [list.data]);
  const trendOption = useMemo(
    () => themeTrendChart(trends.data?.years ?? [], trends.data?.themes ?? [], shownThemes, trends.data?.period),
    [trends.data, shownThemes],
  );
  const deptOption = useMemo(() => themeDepartmentChart(byDept.data ?? [], shownThemes), [byDept.data, shownThemes]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card loading={trends.isLoading}>{shownThemes.length ? <Chart option={trendOption} height={400} testId="chart-theme-trends" /> : <Empty description="暂无问题表述" />}</Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card loading={byDept.isLoading}>{shownThemes.length ? <Chart option={deptOption} height={400} testId="chart-theme-departments" /> : <Empty description="暂无问题表述" />}</Card>
      </Col>
      <Col span={24}>
        <ThemeTable trends={trends.data?.themes ?? []} />
      </Col>
      <Col span={24}>
        <ThemeRecurrences />
      </Col>
    </Row>
  );
}
