import { useQuery } from '@tanstack/react-query';
import { Card, Input, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { SHARE_LABELS, type ShareKind } from '../../../../shared/types.js';
import { TableExport } from '../../components/ExportButtons.js';
import { formatInt, formatPercent } from '../../format.js';
import { type RouterOutputs, useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

type Row = RouterOutputs['units']['comparison'][number];

const num = (key: keyof Row, title: string, render: (v: number) => string = formatInt): ColumnsType<Row>[number] => ({
  title,
  key,
  align: 'right',
  sorter: (a, b) => Number(a[key]) - Number(b[key]),
  render: (_: unknown, r) => render(Number(r[key])),
});

type Outliers = Map<number, RouterOutputs['units']['baselines'][number]>;
const WHY = { peer: '高于本部门上四分位', jump: '较本单位上期明显上升' } as const;

/** A rate, red only where the unit stands out from its department or its own past (shared/baselines.ts). */
const rate = (key: ShareKind, title: string, outliers: Outliers): ColumnsType<Row>[number] => ({
  title,
  key: `rate-${key}`,
  align: 'right',
  width: 92,
  sorter: (a, b) => a.rates[key] - b.rates[key],
  render: (_: unknown, r) => {
    const why = outliers.get(r.id)?.outliers[key];
    const text = formatPercent(r.rates[key]);
    return why?.length ? (
      <Tooltip title={why.map((w) => WHY[w]).join('、')}>
        <span className="rate-outlier" style={{ color: '#cf1322', fontWeight: 600 }}>{text}</span>
      </Tooltip>
    ) : (
      text
    );
  },
});

export function UnitComparisonView() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const [keyword, setKeyword] = useState('');
  const data = useQuery(trpc.units.comparison.queryOptions(filters));
  const baselines = useQuery(trpc.units.baselines.queryOptions(filters));
  const outliers: Outliers = useMemo(() => new Map((baselines.data ?? []).map((b) => [b.unitId, b])), [baselines.data]);
  const rows = useMemo(() => (data.data ?? []).filter((r) => !keyword || r.unit.includes(keyword)), [data.data, keyword]);
  const departments = useMemo(() => [...new Set((data.data ?? []).map((r) => r.department ?? '未分组'))], [data.data]);
  const columns: ColumnsType<Row> = [
    {
      title: '单位',
      dataIndex: 'unit',
      key: 'unit',
      width: 150,
      sorter: (a, b) => a.unit.localeCompare(b.unit, 'zh-CN'),
      render: (u: string) => <Link to={`/units/${encodeURIComponent(u)}${carry}`}>{u}</Link>,
    },
    {
      title: '部门',
      dataIndex: 'department',
      key: 'department',
      width: 110,
      filters: departments.map((d) => ({ text: d, value: d })),
      onFilter: (v, r) => (r.department ?? '未分组') === v,
      render: (d: string | null) => <Tag>{d ?? '未分组'}</Tag>,
    },
    num('reports', '报告数'),
    num('avgChars', '平均字数'),
    rate('stock', '套话率', outliers),
    rate('copied', SHARE_LABELS.copied, outliers),
    rate('shared', SHARE_LABELS.shared, outliers),
    rate('model', SHARE_LABELS.model, outliers),
    rate('directive', SHARE_LABELS.directive, outliers),
    rate('self', SHARE_LABELS.self, outliers),
    num('placeholders', '占位符'),
    num('flags', '提示'),
    num('figures', '填报数字'),
    num('problems', '问题条数'),
    num('themes', '问题主题'),
  ];
  return (
    <Card title="单位对比" extra={<Space><TableExport table="units" /><Input.Search allowClear placeholder="按单位名称筛选" onSearch={setKeyword} onChange={(e) => !e.target.value && setKeyword('')} style={{ width: 220 }} /></Space>}>
      <Table<Row>
        data-testid="unit-table"
        rowKey="id"
        size="small"
        loading={data.isLoading}
        columns={columns}
        dataSource={rows}
        // No sideways scroll at 1366 px: headers wrap and number columns keep to their figures.
        tableLayout="auto"
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${formatInt(t)} 个单位` }}
      />
    </Card>
  );
}
