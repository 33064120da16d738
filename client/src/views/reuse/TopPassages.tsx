// The longest passages reports in scope took from other units, with the reports they stand in.
import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { SourceChips, SPAN_STYLES } from '../../components/ReuseSources.js';
import { TableExport } from '../../components/ExportButtons.js';
import { formatInt, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

export function TopPassages() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const passages = useQuery(trpc.reuse.topPassages.queryOptions(filters));
  return (
    <Card title="最长的抄用段落" loading={passages.isLoading} data-testid="top-passages" extra={<TableExport table="passages" />}>
      <List
        dataSource={passages.data ?? []}
        pagination={{ pageSize: 5, size: 'small' }}
        locale={{ emptyText: '未发现抄用他单位的段落' }}
        renderItem={(p) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ marginBottom: 4, padding: '4px 8px', ...SPAN_STYLES[p.kind] }}>
                {p.lead && <span style={{ opacity: 0.55 }} title="所在句子的开头（不属于雷同段落）">{p.lead}</span>}
                {p.text}
              </Typography.Paragraph>
              <span>
                <Link to={`/reports/${p.reportId}${carry}`}>
                  {p.unit} · {formatYearPeriod(p.year, p.period)}
                </Link>
                <Typography.Text type="secondary">
                  {' '}
                  共 {formatInt(p.text.replace(/\s+/g, '').length)} 字，{p.kind === 'copied' ? '抄自：' : '与同期报告雷同（先后不明）：'}
                </Typography.Text>
                <SourceChips reportId={p.reportId} sources={p.sources} />
              </span>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
