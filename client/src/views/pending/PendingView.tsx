// 待补充信息: reports stored without a unit or year (or as a likely corrected version of a stored report),
// out of every comparison between units until a reviewer assigns them here.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime, formatInt, formatPercent } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { type AssignInput, AssignForm, type PendingRow } from './AssignForm.js';

export function PendingView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const queue = useQuery({ ...trpc.intake.pending.queryOptions({ page, pageSize: 20 }), placeholderData: keepPreviousData });
  const registry = useQuery(trpc.registry.list.queryOptions());
  const units = useMemo(() => (registry.data ?? []).map((u) => ({ value: u.name, label: u.department ? `${u.name}（${u.department}）` : u.name })), [registry.data]);
  const assign = useMutation(
    trpc.intake.assign.mutationOptions({
      onSuccess: (r) => {
        message.success(r.status === 'ok' ? `已归入“${r.unit}”，参与各项统计${r.replaced ? '，并替换原报告' : ''}` : '已保存，仍缺少单位或年度');
        void queryClient.invalidateQueries();
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const onAssign = (a: AssignInput) => assign.mutate(a);
  return (
    <Card title={`待补充信息（${formatInt(queue.data?.total)} 份）`} data-testid="pending-queue">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="这些报告已入库，但未能从文件名和正文中确定报送单位或年度，或疑似已入库报告的更正版本；在确认前不参与单位间的比较与统计。确认归属后即参与统计、雷同比对。"
      />
      <Table<PendingRow>
        rowKey="id"
        size="small"
        loading={queue.isLoading}
        dataSource={queue.data?.rows ?? []}
        locale={{ emptyText: '没有待补充信息的报告' }}
        pagination={{ current: page, pageSize: 20, total: queue.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: '报告',
            width: 260,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/reports/${r.id}`}>{r.title ?? r.fileName ?? `报告 ${r.id}`}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {r.fileName} · {formatInt(r.chars)} 字 · {formatDateTime(r.ingestedAt)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '待补充',
            width: 220,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={2}>
                <span>{r.reasons.map((x) => <Tag key={x.kind} color={x.kind === 'resubmission' ? 'blue' : 'orange'}>{x.label}</Tag>)}</span>
                {r.resubmission && (
                  <Typography.Text type="secondary">
                    与 <Link to={`/reports/${r.resubmission.reportId}`}>{r.resubmission.title ?? `报告 ${r.resubmission.reportId}`}</Link> 重复 {formatPercent(r.resubmission.share, 0)}
                  </Typography.Text>
                )}
                {r.named.length > 0 ? (
                  <Typography.Text type="secondary">正文写作：{r.named.map((n) => `“${n.name}”（${n.ruleLabel}）`).join('、')}</Typography.Text>
                ) : (
                  r.reasons.some((x) => x.kind === 'unit') && <Typography.Text type="secondary">正文未写明单位（或只有“XX局”“局党组”等）</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: '归属', render: (_: unknown, r) => <AssignForm row={r} units={units} busy={assign.isPending && assign.variables?.id === r.id} onAssign={onAssign} /> },
        ]}
      />
    </Card>
  );
}
