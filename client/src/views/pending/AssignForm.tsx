// One pending report's assignment: the units its text may name, ranked (a click fills the unit), the unit
// typed or chosen among all units, the year and period; for a likely corrected version, the decision.
import { AutoComplete, Button, InputNumber, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/api/router.js';
import { PERIOD_LABELS, PERIODS, type Period } from '../../../../shared/types.js';

export type PendingRow = inferRouterOutputs<AppRouter>['intake']['pending']['rows'][number];

export interface AssignInput {
  id: number;
  unit?: string;
  year?: number;
  period?: Period | null;
  correction?: boolean;
}

const HOW_LABELS: Record<string, string> = { name: '名称一致', alias: '别名', variant: '名称变体', abbreviation: '简称', similar: '名称相近' };
const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }));

export function AssignForm({ row, units, busy, onAssign }: { row: PendingRow; units: Array<{ value: string; label: string }>; busy: boolean; onAssign: (a: AssignInput) => void }) {
  const [unit, setUnit] = useState(row.unit ?? row.candidates[0]?.unit ?? '');
  const [year, setYear] = useState<number | null>(row.year);
  const [period, setPeriod] = useState<Period | null>(row.period);
  const resubmission = row.reasons.some((r) => r.kind === 'resubmission');
  const ready = unit.trim() !== '' && year !== null;
  const assignment = { id: row.id, ...(unit.trim() && unit !== row.unit ? { unit: unit.trim() } : {}), ...(year !== null && year !== row.year ? { year } : {}), ...(period !== row.period ? { period } : {}) };
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid={`assign-form-${row.id}`}>
      {row.candidates.length > 0 && (
        <Space size={4} wrap>
          <span>候选单位：</span>
          {row.candidates.map((c) => (
            <Tooltip key={c.unit} title={`正文写作“${c.via}”，与${c.registered ? '名录中' : '已有'}单位${HOW_LABELS[c.how] ?? ''}（${Math.round(c.score * 100)}分）`}>
              <Tag color={c.unit === unit ? 'blue' : c.registered ? 'geekblue' : 'default'} style={{ cursor: 'pointer' }} onClick={() => setUnit(c.unit)} data-testid="candidate">
                {c.unit}
                {c.department ? `（${c.department}）` : ''}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      )}
      <Space wrap>
        <AutoComplete
          style={{ width: 220 }}
          placeholder="报送单位"
          options={units}
          value={unit}
          onChange={(v: string) => setUnit(v)}
          filterOption={(input, o) => String(o?.value ?? '').includes(input)}
          data-testid={`assign-unit-${row.id}`}
        />
        <InputNumber style={{ width: 100 }} min={1949} max={2100} placeholder="年度" value={year} onChange={(v) => setYear(v ?? null)} status={year === null ? 'warning' : undefined} />
        <Select<Period> style={{ width: 110 }} allowClear placeholder="期别" options={PERIOD_OPTIONS} value={period ?? undefined} onChange={(v) => setPeriod(v ?? null)} />
        {resubmission ? (
          <>
            <Button type="primary" disabled={!ready} loading={busy} onClick={() => onAssign({ ...assignment, correction: true })} data-testid={`assign-correction-${row.id}`}>
              作为更正版本替换原报告
            </Button>
            <Button disabled={!ready} loading={busy} onClick={() => onAssign(assignment)}>
              作为另一份报告保留
            </Button>
          </>
        ) : (
          <Button type="primary" disabled={!ready} loading={busy} onClick={() => onAssign(assignment)} data-testid={`assign-${row.id}`}>
            确认归属
          </Button>
        )}
      </Space>
    </Space>
  );
}
