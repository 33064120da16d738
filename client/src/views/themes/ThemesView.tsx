import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Collapse, Empty, List, Pagination, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { mainThemes, themeDepartmentChart, themeTrendChart } from '../../../../shared/charts/themes.js';
import type { Period } from '../../../../shared/types.js';
import { Chart } from '../../components/Chart.js';
import { TableExport } from '../../components/ExportButtons.js';
import { formatInt, formatPercent, formatYearPeriod } from '../../format.js';
import { type RouterOutputs, useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

type Theme = RouterOutputs['themes']['list']['themes'][number];
const DIRECTION: Record<string, { label: string; color: string }> = {
  rising: { label: '上升', color: 'red' },
  falling: { label: '下降', color: 'green' },
  steady: { label: '平稳', color: 'default' },
};

const MEMBERS_PER_PAGE = 8;
const UNITS_PER_PAGE = 10;

function ThemeMembers({ theme }: { theme: string }) {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const [page, setPage] = useState(1);
  const members = useQuery({ ...trpc.themes.members.queryOptions({ ...filters, theme, page, pageSize: MEMBERS_PER_PAGE }), placeholderData: keepPreviousData });
  return (
    <List
      size="small"
      loading={members.isFetching}
      dataSource={members.data?.rows ?? []}
      pagination={{ current: page, pageSize: MEMBERS_PER_PAGE, total: members.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
      renderItem={(m) => (
        <List.Item>
          <div>
            <Typography.Text>{m.text}</Typography.Text>
            <div>
              <Link to={`/reports/${m.report}${carry}#${m.start}`}>
                {m.unit} · {formatYearPeriod(m.year, m.period as Period | null)}
              </Link>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

export function ThemesView() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const list = useQuery(trpc.themes.list.queryOptions(filters));
  const trends = useQuery(trpc.themes.trends.queryOptions(filters));
  const byDept = useQuery(trpc.themes.byDepartment.queryOptions(filters));

  const shownThemes = useMemo(() => mainThemes(list.data?.themes ?? []), [list.data]);
  const trendOption = useMemo(() => themeTrendChart(trends.data?.years ?? [], trends.data?.themes ?? [], shownThemes), [trends.data, shownThemes]);
  const deptOption = useMemo(() => themeDepartmentChart(byDept.data ?? [], shownThemes), [byDept.data, shownThemes]);
  const trendById = new Map((trends.data?.themes ?? []).map((t) => [t.id, t]));
  const [minPeriods, setMinPeriods] = useState(3);
  const [recPage, setRecPage] = useState(1);
  const filterKey = JSON.stringify(filters);
  // Other filters, other units: back to the first page.
  useEffect(() => setRecPage(1), [filterKey]);
  // The server ranks the units: the longest runs first, the ones whose rectification most clearly did not work.
  const recurrences = useQuery({
    ...trpc.themes.recurrences.queryOptions({ ...filters, minPeriods, page: recPage, pageSize: UNITS_PER_PAGE }),
    placeholderData: keepPreviousData,
  });
  const recurringUnits = recurrences.data?.total ?? 0;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card loading={trends.isLoading}>{shownThemes.length ? <Chart option={trendOption} height={400} testId="chart-theme-trends" /> : <Empty description="暂无问题表述" />}</Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card loading={byDept.isLoading}>{shownThemes.length ? <Chart option={deptOption} height={400} testId="chart-theme-departments" /> : <Empty description="暂无问题表述" />}</Card>
      </Col>
      <Col span={24}>
        <Card title={`问题主题（另有 ${formatInt(list.data?.unassigned ?? 0)} 条问题表述未归入任何主题）`} extra={<TableExport table="themes" />}>
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
              { title: '主题', dataIndex: 'label', render: (l: string, t) => <span>{l} {t.origin === 'found' && <Tag color="purple">自动发现</Tag>}</span> },
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
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card
          title={`屡改屡犯：同一单位连续多期报告同一问题（${formatInt(recurringUnits)} 个单位）`}
          loading={recurrences.isLoading}
          data-testid="recurrences"
          extra={
            <Space>
            <TableExport table="recurrences" options={{ minPeriods }} />
            <Segmented
              value={minPeriods}
              onChange={(v) => {
                setMinPeriods(Number(v));
                setRecPage(1);
              }}
              options={[
                { label: '连续 3 期以上', value: 3 },
                { label: '连续 2 期以上', value: 2 },
              ]}
            />
            </Space>
          }
        >
          {recurringUnits === 0 ? (
            <Empty description="没有连续多期重复出现的问题" />
          ) : (
            <>
            <Collapse
              items={(recurrences.data?.units ?? []).map((u) => ({
                key: u.unit,
                label: (
                  <span>
                    {u.unit} {u.department && <Tag>{u.department}</Tag>}
                    {u.runs.map((r) => (
                      <Tag key={r.theme} color="volcano">
                        {r.label} × {r.periods} 期
                      </Tag>
                    ))}
                  </span>
                ),
                children: u.runs.map((run) => (
                  <div key={run.theme} style={{ marginBottom: 16 }}>
                    <Typography.Title level={5}>{run.label}</Typography.Title>
                    <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }}>
                      {run.entries.map((e) => (
                        <Col key={e.report} flex="320px">
                          <Card size="small" title={<Link to={`/reports/${e.report}${carry}`}>{formatYearPeriod(e.year, e.period as Period | null)}</Link>}>
                            {e.statements.map((s) => (
                              <Typography.Paragraph key={s.start} style={{ fontSize: 13 }}>
                                {s.text}
                              </Typography.Paragraph>
                            ))}
                          </Card>
                        </Col>
                      ))}
                    </Row>
                  </div>
                )),
              }))}
            />
            <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={recPage} pageSize={UNITS_PER_PAGE} total={recurringUnits} onChange={setRecPage} showSizeChanger={false} />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
