import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Table, Tag, Typography } from 'antd';
import type { ECElementEvent } from 'echarts';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { copyGraphChart, reuseByDepartmentChart } from '../../../../shared/charts/reuse.js';
import { Chart } from '../../components/Chart.js';
import { TableExport } from '../../components/ExportButtons.js';
import { formatInt, formatPercent, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

export function ReuseView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useFilters();
  const carry = useFilterSearch();
  const navigate = useNavigate();
  const rates = useQuery(trpc.reuse.byDepartmentYear.queryOptions(filters));
  const pairs = useQuery(trpc.reuse.unitPairs.queryOptions(filters));
  const passages = useQuery(trpc.reuse.topPassages.queryOptions(filters));
  const reports = useQuery(trpc.reuse.mostCopiedReports.queryOptions(filters));
  const ratesOption = useMemo(() => reuseByDepartmentChart(rates.data ?? []), [rates.data]);
  const graphOption = useMemo(() => copyGraphChart(pairs.data ?? []), [pairs.data]);
  const onDeptClick = useCallback((p: ECElementEvent) => setFilters({ department: p.name }), [setFilters]);
  const onGraphClick = useCallback(
    (p: ECElementEvent) => {
      const d = p.data as { name?: string };
      if (p.dataType === 'node' && d.name) navigate(`/units/${encodeURIComponent(d.name)}${carry}`);
    },
    [navigate, carry],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card loading={rates.isLoading}>
          {(rates.data ?? []).length ? <Chart option={ratesOption} height={420} onClick={onDeptClick} testId="chart-reuse-by-department" /> : <Empty description="暂无数据" />}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card loading={pairs.isLoading}>
          {(pairs.data ?? []).length ? <Chart option={graphOption} height={420} onClick={onGraphClick} testId="chart-copy-graph" /> : <Empty description="未发现单位之间的雷同文字" />}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="抄袭比例最高的报告" loading={reports.isLoading}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={reports.data ?? []}
            columns={[
              { title: '报告', key: 'r', render: (_: unknown, r) => <Link to={`/reports/${r.id}${carry}`}>{r.unit} · {formatYearPeriod(r.year, r.period)}</Link> },
              { title: '抄袭他单位', dataIndex: 'copiedRate', align: 'right', render: (x: number) => <Typography.Text type="danger">{formatPercent(x)}</Typography.Text> },
              { title: '自我重复', dataIndex: 'selfRate', align: 'right', render: (x: number) => formatPercent(x) },
              { title: '', key: 'c', render: (_: unknown, r) => <Link to={`/compare?a=${r.id}`}>对照</Link> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title="最长的雷同段落（与其他单位报告相同或相近）" loading={passages.isLoading} data-testid="top-passages" extra={<TableExport table="passages" />}>
          <List
            dataSource={passages.data ?? []}
            pagination={{ pageSize: 5, size: 'small' }}
            locale={{ emptyText: '未发现雷同段落' }}
            renderItem={(p) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ marginBottom: 4, background: '#fff2e8', padding: '4px 8px' }}>
                    {p.text}
                  </Typography.Paragraph>
                  <span>
                    <Link to={`/reports/${p.reportId}${carry}`}>{p.unit} · {formatYearPeriod(p.year, p.period)}</Link>
                    <Typography.Text type="secondary"> 共 {formatInt(p.end - p.start)} 字，另见于：</Typography.Text>
                    {p.sources.map((s) => (
                      <Tag key={s.id} style={{ marginLeft: 4 }}>
                        <Link to={`/compare?a=${p.reportId}&b=${s.id}`}>
                          {s.unit} {s.year ?? ''}
                        </Link>
                      </Tag>
                    ))}
                  </span>
                </div>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
