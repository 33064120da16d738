import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../format.js';
import { useTRPC } from '../../trpc.js';

const ACTION_LABELS: Record<string, string> = {
  login: '登录',
  logout: '退出',
  upload: '上传报告',
  correct: '提交更正',
  delete: '删除报告',
  restore: '恢复报告',
  export: '导出',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'theme.rename': '主题改名',
  'theme.merge': '合并主题',
  'theme.split': '拆分主题',
  'theme.move': '移动问题表述',
  'theme.cue': '添加主题关键词',
  'units.update': '修改单位名录',
  'template.add': '加入范文库',
  'template.remove': '移出范文库',
};

export function AuditLogView() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const log = useQuery({ ...trpc.admin.auditLog.queryOptions({ page, pageSize: 50 }), placeholderData: keepPreviousData });
  return (
    <Card title="操作日志">
      <Table
        rowKey="id"
        size="small"
        loading={log.isFetching}
        dataSource={log.data?.rows ?? []}
        pagination={{ current: page, pageSize: 50, total: log.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '时间', dataIndex: 'at', render: formatDateTime, width: 160 },
          { title: '用户', dataIndex: 'username', width: 140 },
          { title: '操作', dataIndex: 'action', render: (a: string) => <Tag>{ACTION_LABELS[a] ?? a}</Tag>, width: 120 },
          { title: '对象', dataIndex: 'target', render: (t: string | null) => t ?? '—' },
          { title: '详情', dataIndex: 'detail', ellipsis: true, render: (d: string | null) => d ?? '' },
        ]}
      />
    </Card>
  );
}
