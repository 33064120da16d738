// 单位名录: the units a committee expects reports from (name, 归口 department, aliases, level, the periods
// each must report) beside the units submissions named without it. Administrators import it from Excel
// or CSV and edit it here; reports already stored are matched again after every change.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/api/router.js';
import type { RegistryImport } from '../../../../shared/uploads.js';
import { formatPeriod } from '../../format.js';
import { uploadForm } from '../../http.js';
import { useTRPC } from '../../trpc.js';
import { UnitFormModal, type UnitFormValues } from './UnitFormModal.js';

type UnitRow = inferRouterOutputs<AppRouter>['registry']['list'][number];
export function RegistryView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = useQuery(trpc.auth.me.queryOptions());
  const admin = me.data?.role === 'admin';
  const units = useQuery(trpc.registry.list.queryOptions());
  const [editing, setEditing] = useState<UnitFormValues | null>(null);
  const [imported, setImported] = useState<RegistryImport | null>(null);
  const [importing, setImporting] = useState(false);
  const departments = useMemo(() => [...new Set((units.data ?? []).map((u) => u.department).filter((d): d is string => !!d))], [units.data]);
  const save = useMutation(
    trpc.registry.save.mutationOptions({
      onSuccess: (r) => {
        message.success(`已保存${r.merged + r.assigned > 0 ? `，重新归属单位 ${r.merged} 个、待确认报告 ${r.assigned} 份` : ''}`);
        setEditing(null);
        void queryClient.invalidateQueries();
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const importFile = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    setImporting(true);
    try {
      setImported(await uploadForm<RegistryImport>('/api/units/import', form, () => {}));
      await queryClient.invalidateQueries();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setImporting(false);
    }
  };
  const registered = (units.data ?? []).filter((u) => u.registered).length;
  return (
    <Card
      title={`单位名录（名录内 ${registered} 个，共 ${units.data?.length ?? 0} 个）`}
      extra={
        admin && (
          <Space>
            <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)}>
              <Button icon={<UploadOutlined />} loading={importing} data-testid="registry-import">导入名录（Excel/CSV）</Button>
            </Upload>
            <Button type="primary" onClick={() => setEditing({ name: '', department: null, aliases: [], level: null, expected: null })}>新增单位</Button>
          </Space>
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="名录列明各单位的归口部门、简称与曾用名、应报期别。入库时按名录识别报告的报送单位，部门以名录为准；“未报送”按各单位的应报期别判断。导入文件的表头：单位名称、归口部门、简称、曾用名、级别、应报期别（或 name, department, aliases, level, expected）。" />
      {imported && (
        <Alert
          type={imported.errors.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setImported(null)}
          style={{ marginBottom: 12 }}
          data-testid="registry-import-result"
          title={`导入完成：新增 ${imported.added} 个、更新 ${imported.updated} 个单位；按名录重新归属单位 ${imported.merged} 个、待确认报告 ${imported.assigned} 份`}
          description={imported.errors.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{imported.errors.map((e) => <li key={e}>{e}</li>)}</ul> : undefined}
        />
      )}
      <Table<UnitRow>
        rowKey="id"
        size="small"
        loading={units.isLoading}
        dataSource={units.data ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="registry-table"
        columns={[
          { title: '单位名称', dataIndex: 'name', render: (n: string) => <Link to={`/units/${encodeURIComponent(n)}`}>{n}</Link> },
          { title: '归口部门', dataIndex: 'department', render: (d: string | null) => d ?? '—' },
          { title: '简称、曾用名', dataIndex: 'aliases', render: (a: string[]) => a.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: '级别', dataIndex: 'level', render: (l: string | null) => l ?? '—' },
          { title: '应报期别', dataIndex: 'expected', render: (e: UnitRow['expected']) => (e ? e.map(formatPeriod).join('、') : '每期') },
          { title: '名录', dataIndex: 'registered', render: (r: boolean) => (r ? <Tag color="green">在名录中</Tag> : <Tag>仅见于报送</Tag>) },
          { title: '报告', dataIndex: 'reports', align: 'right' },
          ...(admin
            ? [{ title: '操作', key: 'op', render: (_: unknown, u: UnitRow) => <a onClick={() => setEditing({ id: u.id, name: u.name, department: u.department, aliases: u.aliases, level: u.level, expected: u.expected })}>{u.registered ? '编辑' : '纳入名录'}</a> }]
            : []),
        ]}
      />
      <UnitFormModal open={editing !== null} initial={editing} departments={departments} saving={save.isPending} onSave={(v) => save.mutate(v)} onClose={() => setEditing(null)} />
    </Card>
  );
}
