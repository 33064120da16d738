// The reports that took most from other units, each with a link to the side-by-side view of the report
// it took most from.
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatPercent, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

export function MostCopiedTable() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const reports = useQuery(trpc.reuse.mostCopiedReports.queryOptions(filters));
  return (
    <Card title="抄用他单位文字最多的报告" loading={reports.isLoading}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={reports.data ?? []}
        data-testid="most-copied"
        columns={[
          { title: '报告', key: 'r', render: (_: unknown, r) => <Link to={`/reports/${r.id}${carry}`}>{r.unit} · {formatYearPeriod(r.year, r.period)}</Link> },
          { title: '抄自他单位', key: 'c', align: 'right', render: (_: unknown, r) => <Typography.Text type="danger">{formatPercent(r.rates.copied)}</Typography.Text> },
          { title: '同期雷同', key: 's', align: 'right', render: (_: unknown, r) => formatPercent(r.rates.shared) },
          { title: '套用范文', key: 'm', align: 'right', render: (_: unknown, r) => formatPercent(r.rates.model) },
          { title: '自我重复', key: 'self', align: 'right', render: (_: unknown, r) => formatPercent(r.rates.self) },
          {
            title: '',
            key: 'pair',
            width: 56,
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_: unknown, r) =>
              r.sourceId !== null && (
                <Link style={{ whiteSpace: 'nowrap' }} to={`/compare?a=${r.id}&b=${r.sourceId}`} title={r.sourceKind === 'copied' ? '与抄用文字最多的来源报告对照' : '与雷同文字最多的同期报告对照'}>
                  对照
                </Link>
              ),
          },
        ]}
      />
    </Card>
  );
}
