import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/api/router.js';
import { TableExport } from '../../components/ExportButtons.js';
import { formatDateTime, formatInt, formatPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

type Row = inferRouterOutputs<AppRouter>['reports']['list']['rows'][number];
const SORTABLE = { year: 'year', unit: 'unit', chars: 'chars', ingestedAt: 'ingested' } as const;

export function ReportListView() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const search = useFilterSearch();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const pageSize = Math.min(100, Math.max(10, Number(params.get('size') ?? 20) || 20));
  const sortKey = params.get('sort') as keyof typeof SORTABLE | null;
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const list = useQuery({
    ...trpc.reports.list.queryOptions({ ...filters, page, pageSize, sort: sortKey ? SORTABLE[sortKey] : undefined, order }),
    placeholderData: keepPreviousData,
  });
  const sortOrder = (key: string) => (sortKey === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: ColumnsType<Row> = [
    { title: '单位', dataIndex: 'unit', key: 'unit', width: 150, sorter: true, sortOrder: sortOrder('unit'), render: (u: string, r) => <Link to={`/reports/${r.id}${search}`}>{u}</Link> },
    { title: '部门', dataIndex: 'department', key: 'department', width: 90, render: (d: string | null) => d ?? '—' },
    { title: '年度', dataIndex: 'year', key: 'year', sorter: true, sortOrder: sortOrder('year'), width: 76 },
    { title: '期次', dataIndex: 'period', key: 'period', render: formatPeriod, width: 72 },
    { title: '标题', dataIndex: 'title', key: 'title', ellipsis: true, render: (t: string | null, r) => <Link to={`/reports/${r.id}${search}`}>{t ?? r.fileName ?? `报告 ${r.id}`}</Link> },
    { title: '字数', dataIndex: 'chars', key: 'chars', sorter: true, sortOrder: sortOrder('chars'), align: 'right', render: formatInt, width: 80 },
    { title: '提示', dataIndex: 'flags', key: 'flags', width: 64, render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : <Tag>0</Tag>) },
    { title: '入库时间', dataIndex: 'ingestedAt', key: 'ingestedAt', sorter: true, sortOrder: sortOrder('ingestedAt'), render: formatDateTime, width: 140 },
  ];
  return (
    <Card title="报告列表" extra={<Space><TableExport table="reports" /><TableExport table="flags" label="导出提示标记" /></Space>}>
      <Table<Row>
        data-testid="report-table"
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${formatInt(t)} 份`,
        }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set('page', String(p.current ?? 1));
            next.set('size', String(p.pageSize ?? 20));
            if (s?.order && s.columnKey) {
              next.set('sort', String(s.columnKey));
              next.set('order', s.order === 'ascend' ? 'asc' : 'desc');
            } else {
              next.delete('sort');
              next.delete('order');
            }
            return next;
          });
        }}
      />
    </Card>
  );
}
