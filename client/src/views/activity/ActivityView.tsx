import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Collapse, Empty, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import type { ECElementEvent } from 'echarts';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { activityByDepartmentChart, activityByYearChart, type ActivityMeasure } from '../../../../shared/charts/activity.js';
import type { HeatCell } from '../../../../shared/charts/heatmap.js';
import { Chart } from '../../components/Chart.js';
import { TableExport } from '../../components/ExportButtons.js';
import { formatInt, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

const UNMATCHED = '未归类';
type Measure = ActivityMeasure;

export function ActivityView() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const [measure, setMeasure] = useState<Measure>('figures');
  // A click drills down within the view: what it filtered (the cell's department, the bar's year) is shown
  // as tags on the drill-down, removable there, and leaves the header's filters alone.
  const [drill, setDrill] = useState<{ category: string | null; page: number; department?: string; year?: number } | null>(null);
  const categories = useQuery(trpc.activity.categories.queryOptions());
  const byDept = useQuery(trpc.activity.byCategory.queryOptions({ ...filters, by: 'department' }));
  const byYear = useQuery(trpc.activity.byCategory.queryOptions({ ...filters, by: 'year' }));
  const missing = useQuery(trpc.activity.missing.queryOptions(filters));
  const unmatched = useQuery(trpc.activity.unmatched.queryOptions(filters));
  const figures = useQuery({
    ...trpc.activity.figures.queryOptions({
      ...filters,
      ...(drill?.department ? { department: drill.department } : {}),
      ...(drill?.year ? { year: drill.year } : {}),
      category: drill?.category ?? undefined,
      page: drill?.page ?? 1,
      pageSize: 10,
    }),
    enabled: drill !== null,
    placeholderData: keepPreviousData,
  });
  const heat = useMemo(() => activityByDepartmentChart(byDept.data ?? [], categories.data ?? []), [byDept.data, categories.data]);
  const bars = useMemo(() => activityByYearChart(byYear.data ?? [], categories.data ?? [], measure), [byYear.data, categories.data, measure]);

  const onHeatClick = useCallback(
    (p: ECElementEvent) => {
      const { cell } = p.data as { cell: HeatCell };
      setDrill({ category: cell.row, page: 1, ...(cell.column === '未分组' ? {} : { department: cell.column }) });
    },
    [],
  );
  const onBarClick = useCallback(
    (p: ECElementEvent) => {
      const year = Number(p.name);
      setDrill({ category: p.seriesName ?? null, page: 1, ...(Number.isInteger(year) ? { year } : {}) });
    },
    [],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Radio.Group value={measure} onChange={(e) => setMeasure(e.target.value as Measure)} optionType="button" buttonStyle="solid">
          <Radio.Button value="figures">年度图按填报条数</Radio.Button>
          <Radio.Button value="total">年度图按累计数量</Radio.Button>
        </Radio.Group>
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          点击图中格子或柱形，查看对应的数字及原句
        </Typography.Text>
      </Col>
      <Col xs={24} xl={12}>
        <Card loading={byDept.isLoading}>
          {(byDept.data ?? []).length ? <Chart option={heat} height={420} onClick={onHeatClick} testId="chart-activity-heatmap" /> : <Empty description="暂无填报数字" />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card loading={byYear.isLoading}>
          {(byYear.data ?? []).length ? <Chart option={bars} height={420} onClick={onBarClick} testId="chart-activity-years" /> : <Empty description="暂无填报数字" />}
        </Card>
      </Col>
      {drill && (
        <Col span={24}>
          <Card
            title={
              <Space wrap>
                <span>填报明细：{drill.category ?? UNMATCHED}</span>
                {drill.department && (
                  <Tag closable color="blue" data-testid="drill-filter-department" onClose={() => setDrill({ ...drill, department: undefined, page: 1 })}>
                    部门：{drill.department}
                  </Tag>
                )}
                {drill.year && (
                  <Tag closable color="blue" data-testid="drill-filter-year" onClose={() => setDrill({ ...drill, year: undefined, page: 1 })}>
                    年度：{drill.year}年
                  </Tag>
                )}
              </Space>
            }
            extra={<Space><TableExport table="figures" label="导出全部填报数字" /><a onClick={() => setDrill(null)}>关闭</a></Space>} data-testid="activity-drilldown">
            <Table
              rowKey="id"
              size="small"
              loading={figures.isFetching}
              dataSource={figures.data?.rows ?? []}
              pagination={{ current: drill.page, pageSize: 10, total: figures.data?.total ?? 0, onChange: (page) => setDrill({ ...drill, page }), showSizeChanger: false }}
              columns={[
                { title: '单位', dataIndex: 'unit', width: 150 },
                { title: '期次', key: 'p', width: 120, render: (_: unknown, f) => <Link to={`/reports/${f.reportId}${carry}`}>{formatYearPeriod(f.year, f.period)}</Link> },
                { title: '活动', dataIndex: 'activity', width: 140 },
                { title: '数值', key: 'v', width: 90, align: 'right', render: (_: unknown, f) => (f.placeholder ? <Tag color="red">缺失</Tag> : `${f.approx ? '约' : ''}${formatInt(f.value)}${f.measure}`) },
                {
                  title: '原句',
                  key: 's',
                  render: (_: unknown, f) => (
                    <span>
                      {f.sentence.slice(0, f.figureOffset.start)}
                      <mark>{f.sentence.slice(f.figureOffset.start, f.figureOffset.end)}</mark>
                      {f.sentence.slice(f.figureOffset.end)}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      )}
      <Col xs={24} xl={12}>
        <Card title="未填报某类活动的单位" loading={missing.isLoading}>
          <Collapse
            size="small"
            items={(missing.data ?? [])
              .filter((m) => m.units.length > 0)
              .map((m) => ({
                key: m.category,
                label: (
                  <span>
                    {m.category} <Tag color="orange">{m.units.length} 个单位</Tag>
                  </span>
                ),
                children: m.units.map((u) => (
                  <Tag key={u.unit} style={{ marginBottom: 4 }}>
                    <Link to={`/units/${encodeURIComponent(u.unit)}${carry}`}>{u.unit}</Link>
                  </Tag>
                )),
              }))}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="未归类的活动（可补充到活动类别词表）" loading={unmatched.isLoading} data-testid="unmatched-activities">
          <Table
            rowKey="activity"
            size="small"
            dataSource={unmatched.data ?? []}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: '活动', dataIndex: 'activity', render: (a: string, r) => <Link to={`/reports/${r.example.report}${carry}`}>{a}</Link> },
              { title: '条数', dataIndex: 'figures', align: 'right' },
              { title: '单位数', dataIndex: 'units', align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
