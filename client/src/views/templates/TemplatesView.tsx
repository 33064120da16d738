// 范文库: the reference texts of the template library, each with the reports in scope that took text from
// it and how much; reviewers add texts (TemplateUpload) and remove them. Taking a model essay (范文) and
// quoting a superior's document (上级文件) are told apart here as in the report view and the rates.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { isWebAddress } from '../../../../shared/templates.js';
import { TEMPLATE_KIND_LABELS } from '../../../../shared/types.js';
import { SPAN_STYLES } from '../../components/ReuseSources.js';
import { TableExport } from '../../components/ExportButtons.js';
import { formatDateTime, formatInt, formatPercent, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';
import { TemplateUpload } from './TemplateUpload.js';

function TemplateUses({ id }: { id: number }) {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const uses = useQuery(trpc.templates.uses.queryOptions({ ...filters, id }));
  return (
    <Table
      size="small"
      rowKey="id"
      loading={uses.isLoading}
      dataSource={uses.data ?? []}
      pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
      locale={{ emptyText: '筛选范围内没有报告取用这篇文本' }}
      data-testid={`template-uses-${id}`}
      columns={[
        { title: '报告', key: 'r', render: (_: unknown, r) => <Link to={`/reports/${r.id}${carry}`}>{r.unit} · {formatYearPeriod(r.year, r.period)}</Link> },
        { title: '部门', dataIndex: 'department', render: (d: string | null) => d ?? '未分组' },
        { title: '取用字数', dataIndex: 'chars', align: 'right', render: formatInt },
        { title: '占报告', dataIndex: 'share', align: 'right', render: (x: number) => formatPercent(x) },
      ]}
    />
  );
}

export function TemplatesView() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const [params] = useSearchParams();
  const focus = Number(params.get('id'));
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.templates.list.queryOptions(filters));
  const remove = useMutation(
    trpc.templates.remove.mutationOptions({
      onSuccess: (r) => {
        message.success(`已移出范文库，${r.reports} 份报告的雷同标注已更新`);
        void queryClient.invalidateQueries();
      },
      onError: (e) => message.error(e.message),
    }),
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card title="范文库" extra={<TableExport table="templates" label="导出使用情况" />}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="范文库收录范文网站的范文和要求各单位学习引用的上级文件。报告中取自这些文本的段落单独标出（绿色：套用范文；青色：引用上级文件），不算作单位之间的抄袭。"
          />
          <Table
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            data-testid="template-table"
            locale={{ emptyText: '范文库中还没有文本，可在右侧加入' }}
            expandable={{ expandedRowRender: (t) => <TemplateUses id={t.id} />, defaultExpandedRowKeys: Number.isInteger(focus) && focus > 0 ? [focus] : [] }}
            columns={[
              {
                title: '标题',
                key: 'title',
                render: (_: unknown, t) => (
                  <span>
                    <Tag style={{ ...SPAN_STYLES[t.kind], color: '#333' }}>{TEMPLATE_KIND_LABELS[t.kind]}</Tag>
                    {t.title}
                    {t.sourceUrl && isWebAddress(t.sourceUrl) && (
                      <Typography.Link href={t.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" style={{ marginLeft: 8, fontSize: 12 }}>
                        来源
                      </Typography.Link>
                    )}
                  </span>
                ),
              },
              { title: '字数', dataIndex: 'chars', align: 'right', render: formatInt },
              { title: '取用报告', dataIndex: 'reports', align: 'right', sorter: (a, b) => a.reports - b.reports, render: (n: number, t) => `${formatInt(n)} 份（${formatInt(t.units)} 个单位）` },
              { title: '取用字数', dataIndex: 'takenChars', align: 'right', sorter: (a, b) => a.takenChars - b.takenChars, render: formatInt },
              { title: '加入', key: 'added', render: (_: unknown, t) => `${formatDateTime(t.addedAt)}${t.addedBy ? ` · ${t.addedBy}` : ''}` },
              {
                title: '',
                key: 'remove',
                render: (_: unknown, t) => (
                  <Popconfirm title="移出范文库？" description="取自这篇文本的段落将按单位之间的雷同重新判定。" okText="移出" cancelText="取消" onConfirm={() => remove.mutate({ id: t.id })}>
                    <Button size="small" danger loading={remove.isPending && remove.variables?.id === t.id}>
                      移出
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <TemplateUpload />
      </Col>
    </Row>
  );
}
