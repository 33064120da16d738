// The themes in scope with their counts and trend; a row opens to its statements. Reviewers correct a
// theme from its row (rename, merge, add a cue); the statements fitting no theme are listed below.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { TableExport } from '../../components/ExportButtons.js';
import { formatInt, formatPercent } from '../../format.js';
import { type RouterOutputs, useTRPC } from '../../trpc.js';
import { useFilters } from '../../useFilters.js';
import { ThemeDialog, type ThemeDialogKind } from './ThemeDialog.js';
import { ThemeMembers } from './ThemeMembers.js';
import { useCanCorrectThemes } from './useThemeCorrections.js';

type Theme = RouterOutputs['themes']['list']['themes'][number];
type Trend = RouterOutputs['themes']['trends']['themes'][number];
const DIRECTION: Record<string, { label: string; color: string }> = {
  rising: { label: '上升', color: 'red' },
  falling: { label: '下降', color: 'green' },
  steady: { label: '平稳', color: 'default' },
};
const ORIGIN: Record<string, { label: string; color: string } | undefined> = {
  found: { label: '自动发现', color: 'purple' },
  reviewer: { label: '人工拆分', color: 'cyan' },
};

export function ThemeTable({ trends }: { trends: readonly Trend[] }) {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const list = useQuery(trpc.themes.list.queryOptions(filters));
  const canCorrect = useCanCorrectThemes();
  const [dialog, setDialog] = useState<{ kind: ThemeDialogKind; theme: Theme } | null>(null);
  const [showUnassigned, setShowUnassigned] = useState(false);
  const trendById = new Map(trends.map((t) => [t.id, t]));
  const filterKey = JSON.stringify(filters);
  const unassigned = list.data?.unassigned ?? 0;
  const action = (kind: ThemeDialogKind, t: Theme, text: string) => (
    <Button size="small" type="link" onClick={() => setDialog({ kind, theme: t })} data-testid={`theme-${kind}-${t.id}`}>
      {text}
    </Button>
  );
  return (
    <Card
      title={`问题主题（另有 ${formatInt(unassigned)} 条问题表述未归入任何主题）`}
      extra={
        <Space>
          {unassigned > 0 && <Button size="small" onClick={() => setShowUnassigned((v) => !v)} data-testid="theme-unassigned-toggle">{showUnassigned ? '收起未归类' : '查看未归类'}</Button>}
          <TableExport table="themes" />
        </Space>
      }
    >
      {showUnassigned && (
        <Card size="small" title="未归入任何主题的问题表述" style={{ marginBottom: 16 }} data-testid="theme-unassigned">
          <ThemeMembers key={filterKey} theme={null} />
        </Card>
      )}
      <Table<Theme>
        data-testid="theme-table"
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.themes ?? []}
        pagination={{ pageSize: 15 }}
        // Keyed by the filters: other filters, other members, from their first page.
        expandable={{ expandedRowRender: (t) => <ThemeMembers key={filterKey} theme={t.id} /> }}
        columns={[
          { title: '主题', dataIndex: 'label', render: (l: string, t) => <span>{l} {ORIGIN[t.origin] && <Tag color={ORIGIN[t.origin]!.color}>{ORIGIN[t.origin]!.label}</Tag>}</span> },
          { title: '关键词', dataIndex: 'terms', render: (terms: string[]) => terms.slice(0, 6).map((w) => <Tag key={w}>{w}</Tag>) },
          { title: '问题条数', dataIndex: 'statements', align: 'right', sorter: (a, b) => a.statements - b.statements, defaultSortOrder: 'descend' },
          { title: '报告数', dataIndex: 'reports', align: 'right', sorter: (a, b) => a.reports - b.reports },
          { title: '单位数', dataIndex: 'units', align: 'right', sorter: (a, b) => a.units - b.units },
          {
            title: '趋势',
            key: 'trend',
            render: (_: unknown, t) => {
              const tr = trendById.get(t.id);
              const d = DIRECTION[tr?.direction ?? 'steady']!;
              return <Tag color={d.color}>{d.label}{tr ? `（每年 ${tr.slope >= 0 ? '+' : ''}${formatPercent(tr.slope)}）` : ''}</Tag>;
            },
          },
          ...(canCorrect
            ? [{ title: '更正', key: 'correct', render: (_: unknown, t: Theme) => <Space size={0}>{action('rename', t, '改名')}{action('merge', t, '合并')}{action('cue', t, '加关键词')}</Space> }]
            : []),
        ]}
      />
      {dialog && <ThemeDialog kind={dialog.kind} theme={dialog.theme} onClose={() => setDialog(null)} />}
    </Card>
  );
}
