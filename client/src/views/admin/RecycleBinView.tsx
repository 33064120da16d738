import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { Period } from '../../../../shared/types.js';
import { formatDateTime, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';

export function RecycleBinView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const deleted = useQuery(trpc.reports.deleted.queryOptions());
  const restore = useMutation(
    trpc.reports.restore.mutationOptions({
      onSuccess: () => {
        message.success('报告已恢复');
        void queryClient.invalidateQueries();
      },
      onError: (e) => message.error(e.message),
    }),
  );
  return (
    <Card title="回收站（已删除的报告）">
      <Table
        rowKey="id"
        size="middle"
        loading={deleted.isLoading}
        dataSource={deleted.data ?? []}
        locale={{ emptyText: '回收站是空的' }}
        columns={[
          { title: '报告', key: 'r', render: (_: unknown, r) => <Link to={`/reports/${r.id}`}>{r.title ?? `报告 ${r.id}`}</Link> },
          { title: '单位', dataIndex: 'unit' },
          { title: '期次', key: 'p', render: (_: unknown, r) => formatYearPeriod(r.year, r.period as Period | null) },
          { title: '删除时间', dataIndex: 'deletedAt', render: (d: string) => formatDateTime(d) },
          { title: '删除人', dataIndex: 'deletedBy' },
          { title: '', key: 'a', render: (_: unknown, r) => <Button size="small" onClick={() => restore.mutate({ id: r.id })}>恢复</Button> },
        ]}
      />
    </Card>
  );
}
