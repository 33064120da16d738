import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space } from 'antd';
import { PERIOD_LABELS, PERIODS } from '../../../shared/types.js';
import { useTRPC } from '../trpc.js';
import { useFilters } from '../useFilters.js';

export function FilterBar() {
  const trpc = useTRPC();
  const options = useQuery(trpc.overview.filterOptions.queryOptions());
  const [filters, setFilters] = useFilters();
  const units = (options.data?.units ?? []).filter((u) => !filters.department || u.department === filters.department);
  return (
    <Space wrap size="small" data-testid="filter-bar">
      <Select
        allowClear
        placeholder="全部部门"
        style={{ width: 150 }}
        value={filters.department}
        onChange={(v?: string) => setFilters({ department: v, unit: undefined })}
        options={(options.data?.departments ?? []).map((d) => ({ value: d, label: d }))}
      />
      <Select
        allowClear
        showSearch
        placeholder="全部单位"
        style={{ width: 200 }}
        value={filters.unit}
        onChange={(v?: string) => setFilters({ unit: v })}
        options={units.map((u) => ({ value: u.name, label: u.name }))}
      />
      <Select
        allowClear
        placeholder="全部年度"
        style={{ width: 110 }}
        value={filters.year}
        onChange={(v?: number) => setFilters({ year: v })}
        options={(options.data?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))}
      />
      <Select
        allowClear
        placeholder="全部期次"
        style={{ width: 120 }}
        value={filters.period}
        onChange={(v?: (typeof PERIODS)[number]) => setFilters({ period: v })}
        options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))}
      />
      <Button onClick={() => setFilters({ department: undefined, unit: undefined, year: undefined, period: undefined })}>重置</Button>
    </Space>
  );
}
