import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Table } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { unitTrendChart } from '../../../../shared/charts/unitTrend.js';
import { Chart } from '../../components/Chart.js';
import { formatInt, formatPercent, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch } from '../../useFilters.js';

export function UnitView() {
  const { name = '' } = useParams();
  const trpc = useTRPC();
  const carry = useFilterSearch();
  const history = useQuery(trpc.units.history.queryOptions({ unit: name }));
  const option = useMemo(() => unitTrendChart(name, history.data ?? []), [name, history.data]);
  if (!history.isLoading && (history.data ?? []).length === 0) return <Empty description="该单位没有报告" />;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card loading={history.isLoading}>
          <Chart option={option} testId="chart-unit-trend" />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={`${name} 的历次报告`}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={history.data ?? []}
            columns={[
              { title: '期次', key: 'period', render: (_: unknown, r) => <Link to={`/reports/${r.id}${carry}`}>{formatYearPeriod(r.year, r.period)}</Link> },
              { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string | null) => t ?? '—' },
              { title: '字数', dataIndex: 'chars', align: 'right', render: formatInt },
              { title: '套话率', key: 'stock', align: 'right', render: (_: unknown, r) => formatPercent(r.rates.stock) },
              { title: '抄自他单位', key: 'copied', align: 'right', render: (_: unknown, r) => formatPercent(r.rates.copied) },
              { title: '同期雷同', key: 'shared', align: 'right', render: (_: unknown, r) => formatPercent(r.rates.shared) },
              { title: '套用范文', key: 'model', align: 'right', render: (_: unknown, r) => formatPercent(r.rates.model) },
              { title: '自我重复', key: 'self', align: 'right', render: (_: unknown, r) => formatPercent(r.rates.self) },
              { title: '占位符', dataIndex: 'placeholders', align: 'right' },
              { title: '填报活动次数', dataIndex: 'activityCount', align: 'right', render: formatInt },
              { title: '问题条数', dataIndex: 'problems', align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
