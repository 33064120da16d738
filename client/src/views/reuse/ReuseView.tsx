import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row } from 'antd';
import type { ECElementEvent } from 'echarts';
import { useCallback, useMemo } from 'react';
import { reuseByDepartmentChart } from '../../../../shared/charts/reuse.js';
import { Chart } from '../../components/Chart.js';
import { useTRPC } from '../../trpc.js';
import { useFilters } from '../../useFilters.js';
import { CopyGraphCard } from './CopyGraphCard.js';
import { MostCopiedTable } from './MostCopiedTable.js';
import { TopPassages } from './TopPassages.js';

export function ReuseView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useFilters();
  const rates = useQuery(trpc.reuse.byDepartmentYear.queryOptions(filters));
  const ratesOption = useMemo(() => reuseByDepartmentChart(rates.data ?? []), [rates.data]);
  const onDeptClick = useCallback((p: ECElementEvent) => setFilters({ department: p.name }), [setFilters]);
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <CopyGraphCard />
      </Col>
      <Col xs={24} xl={10}>
        <Card loading={rates.isLoading}>
          {(rates.data ?? []).length ? <Chart option={ratesOption} height={420} onClick={onDeptClick} testId="chart-reuse-by-department" /> : <Empty description="暂无数据" />}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <MostCopiedTable />
      </Col>
      <Col span={24}>
        <TopPassages />
      </Col>
    </Row>
  );
}
