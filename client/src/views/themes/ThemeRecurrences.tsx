// 屡改屡犯: units naming the same theme in consecutive reporting periods, their statements side by side;
// the units whose rectification most clearly did not work first (the server ranks them).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Collapse, Empty, Pagination, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Period } from '../../../../shared/types.js';
import { TableExport } from '../../components/ExportButtons.js';
import { formatInt, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

const UNITS_PER_PAGE = 10;

export function ThemeRecurrences() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const [minPeriods, setMinPeriods] = useState(3);
  const [page, setPage] = useState(1);
  const filterKey = JSON.stringify(filters);
  // Other filters, other units: back to the first page.
  useEffect(() => setPage(1), [filterKey]);
  const recurrences = useQuery({
    ...trpc.themes.recurrences.queryOptions({ ...filters, minPeriods, page, pageSize: UNITS_PER_PAGE }),
    placeholderData: keepPreviousData,
  });
  const total = recurrences.data?.total ?? 0;
  return (
    <Card
      title={`屡改屡犯：同一单位连续多期报告同一问题（${formatInt(total)} 个单位）`}
      loading={recurrences.isLoading}
      data-testid="recurrences"
      extra={
        <Space>
          <TableExport table="recurrences" options={{ minPeriods }} />
          <Segmented
            value={minPeriods}
            onChange={(v) => {
              setMinPeriods(Number(v));
              setPage(1);
            }}
            options={[
              { label: '连续 3 期以上', value: 3 },
              { label: '连续 2 期以上', value: 2 },
            ]}
          />
        </Space>
      }
    >
      {total === 0 ? (
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
          <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={UNITS_PER_PAGE} total={total} onChange={setPage} showSizeChanger={false} />
        </>
      )}
    </Card>
  );
}
