import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { formatInt, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

export function SearchView() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const result = useQuery({
    ...trpc.search.reports.queryOptions({ ...filters, q, page, pageSize: 20 }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  const set = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
      return next;
    });
  return (
    <Card title="全文检索">
      <Input.Search
        data-testid="search-input"
        placeholder="输入词语或句子，如：网络舆情、参学率、守土有责"
        enterButton="检索"
        allowClear
        defaultValue={q}
        maxLength={100}
        onSearch={(v) => set({ q: v.trim() || null, page: null })}
        style={{ maxWidth: 640, marginBottom: 16 }}
      />
      {!q ? (
        <Empty description="请输入检索词" />
      ) : (
        <List
          data-testid="search-results"
          loading={result.isFetching}
          dataSource={result.data?.hits ?? []}
          locale={{ emptyText: '没有找到匹配的报告' }}
          header={result.data ? `共 ${formatInt(result.data.total)} 份报告含“${q}”` : null}
          pagination={{
            current: page,
            pageSize: 20,
            total: result.data?.total ?? 0,
            onChange: (p) => set({ page: String(p) }),
            showSizeChanger: false,
          }}
          renderItem={(hit) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/reports/${hit.id}${carry}`}>{hit.title ?? `报告 ${hit.id}`}</Link>
                    <Tag>{hit.unit}</Tag>
                    {hit.department && <Tag color="blue">{hit.department}</Tag>}
                    <Typography.Text type="secondary">{formatYearPeriod(hit.year, hit.period)}</Typography.Text>
                    <Typography.Text type="secondary">命中 {hit.occurrences} 处</Typography.Text>
                  </Space>
                }
                description={hit.kwic.map((k) => (
                  <div key={k.start} className="kwic" style={{ fontFamily: '"Noto Serif CJK SC", serif', color: '#333' }}>
                    …{k.before}
                    <mark style={{ background: '#ffe58f', padding: 0 }}>{k.match}</mark>
                    {k.after}…
                  </div>
                ))}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
