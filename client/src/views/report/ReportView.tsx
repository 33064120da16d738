import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Popconfirm, Row, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { SECTION_KIND_LABELS, type SectionKind } from '../../../../shared/types.js';
import { AnnotatedText, type TextMark } from '../../components/AnnotatedText.js';
import { ReuseLegend } from './ReuseLegend.js';
import { reuseMarks } from './reuseMarks.js';
import { formatDateTime, formatInt, formatPercent, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { groundMarks, MetaGrounds } from './MetaGrounds.js';
import { OcrNotice } from './OcrNotice.js';

const KIND_COLORS: Record<SectionKind, string> = {
  preamble: 'default',
  achievements: 'green',
  problems: 'red',
  plans: 'blue',
  suggestions: 'purple',
  other: 'default',
};

/** The passage named by ?from=&to= (a briefing's link), or null. */
function useEvidenceSpan(): { start: number; end: number } | null {
  const [params] = useSearchParams();
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  return useMemo(() => (params.has('from') && Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to > from ? { start: from, end: to } : null), [params, from, to]);
}

export function ReportView() {
  const { id } = useParams();
  const evidence = useEvidenceSpan();
  const trpc = useTRPC();
  const reportId = Number(id);
  const report = useQuery({ ...trpc.reports.get.queryOptions({ id: reportId }), enabled: Number.isInteger(reportId) && reportId > 0 });
  const data = report.data;
  const reuse = useQuery({ ...trpc.reports.reuse.queryOptions({ id: reportId }), enabled: Number.isInteger(reportId) && reportId > 0 });
  const provenance = useQuery({ ...trpc.intake.provenance.queryOptions({ id: reportId }), enabled: Number.isInteger(reportId) && reportId > 0 });
  const me = useQuery(trpc.auth.me.queryOptions());
  const canCompare = me.data?.role !== 'submitter';
  const isAdmin = me.data?.role === 'admin';
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const onChanged = (text: string) => ({
    onSuccess: () => {
      message.success(text);
      void queryClient.invalidateQueries();
    },
    onError: (e: { message: string }) => message.error(e.message),
  });
  const remove = useMutation(trpc.reports.delete.mutationOptions(onChanged('报告已删除（可在“回收站”中恢复）')));
  const restore = useMutation(trpc.reports.restore.mutationOptions(onChanged('报告已恢复')));

  const marks = useMemo<TextMark[]>(() => {
    if (!data) return [];
    return [
      ...reuseMarks(data.id, reuse.data, canCompare),
      ...data.sections.map((s, i) => ({
        key: `s${i}`,
        start: s.start,
        end: s.headingEnd > s.start ? s.headingEnd : s.start + 1,
        priority: 1,
        anchorId: `sec-${i}`,
        style: s.headingEnd > s.start ? { fontWeight: 700 } : {},
      })),
      ...data.problems.map((p, i) => ({ key: `p${i}`, start: p.start, end: p.end, priority: 2, style: { textDecoration: 'underline dotted #cf1322' } })),
      ...data.figures.map((f, i) => ({
        key: `f${i}`,
        start: f.start,
        end: f.end,
        priority: 3,
        style: { borderBottom: '2px solid #1677ff', color: '#0958d9' },
        title: `${f.activity}：${f.placeholder ? '数字缺失（占位符）' : `${f.approx ? '约' : ''}${f.value ?? '—'}${f.unit}`}`,
      })),
      ...data.placeholders.map((p, i) => ({ key: `ph${i}`, start: p.start, end: p.end, priority: 4, style: { background: '#ffccc7', color: '#a8071a' }, title: `占位符（${p.kind}）` })),
      ...data.flags
        .filter((f): f is typeof f & { start: number; end: number } => f.start !== null && f.end !== null)
        .map((f, i) => ({ key: `fl${i}`, start: f.start, end: f.end, priority: 5, style: { background: '#ffe58f' }, title: f.message })),
      ...groundMarks(provenance.data),
      // The passage a briefing's link points at (?from=&to=), above every other mark.
      ...(evidence && evidence.end <= data.text.length
        ? [{ key: 'evidence', start: evidence.start, end: evidence.end, priority: 10, anchorId: 'evidence', className: 'evidence-passage', style: { background: '#fff1b8', outline: '2px solid #fa8c16' } }]
        : []),
    ];
  }, [data, reuse.data, canCompare, provenance.data, evidence]);
  // Arriving from a briefing's link: the passage scrolled into the middle of the window.
  const hasText = !!data;
  useEffect(() => {
    if (hasText && evidence) document.getElementById('evidence')?.scrollIntoView({ block: 'center' });
  }, [hasText, evidence]);

  if (report.isLoading) return <Spin tip="加载中…"><div style={{ height: 300 }} /></Spin>;
  if (report.error) return <Alert type="error" showIcon message="无法打开报告" description={report.error.message} />;
  if (!data) return <Empty description="报告不存在" />;

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          title={data.title ?? data.fileName ?? `报告 ${data.id}`}
          extra={
            isAdmin &&
            (data.deletedAt ? (
              <Button onClick={() => restore.mutate({ id: data.id })} loading={restore.isPending}>
                恢复报告
              </Button>
            ) : (
              <Popconfirm title="删除这份报告？" description="报告将从各视图中移除，管理员可在回收站恢复。" okText="删除" cancelText="取消" onConfirm={() => remove.mutate({ id: data.id })}>
                <Button danger loading={remove.isPending}>
                  删除
                </Button>
              </Popconfirm>
            ))
          }
        >
          {data.deletedAt && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`该报告已于 ${formatDateTime(data.deletedAt)} 被 ${data.deletedBy ?? '—'} 删除`} />}
          {data.supersededBy && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={<span>该报告已被更正版本取代：<Link to={`/reports/${data.supersededBy}`}>查看更正后的版本</Link></span>} />
          )}
          {data.earlierVersions.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={
                <span>
                  本报告为更正版本，之前的版本：
                  {data.earlierVersions.map((v) => (
                    <Link key={v.id} to={`/reports/${v.id}`} style={{ marginLeft: 8 }}>
                      {formatDateTime(v.ingestedAt)}
                    </Link>
                  ))}
                </span>
              }
            />
          )}
          {data.ocr && <OcrNotice ocr={data.ocr} originalHref={data.originalName ? `/files/original/${data.id}` : null} />}
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="单位">{provenance.data?.reasons.some((r) => r.kind === 'unit') ? <Tag color="orange">待确认</Tag> : data.unit}</Descriptions.Item>
            <Descriptions.Item label="部门">{data.department ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="期次">{formatYearPeriod(data.year, data.period)}</Descriptions.Item>
            <Descriptions.Item label="字数">{formatInt(data.chars)}</Descriptions.Item>
            <Descriptions.Item label="原文件">{data.fileName ?? '—'}{data.originalName && <a href={`/files/original/${data.id}`} style={{ marginLeft: 8 }} data-testid="original-download">下载原件</a>}</Descriptions.Item>
            <Descriptions.Item label="入库时间">{formatDateTime(data.ingestedAt)}</Descriptions.Item>
          </Descriptions>
          {provenance.data && <MetaGrounds p={provenance.data} text={data.text} />}
          {data.flags.length > 0 && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              message={`需要关注的提示 ${data.flags.length} 条`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {data.flags.map((f, i) => (
                    <li key={i}>{f.message}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={7}>
        <Card title="章节提纲" size="small" styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}>
          <List
            data-testid="section-outline"
            size="small"
            dataSource={data.sections.map((s, i) => ({ ...s, i }))}
            locale={{ emptyText: '未识别出章节' }}
            renderItem={(s) => (
              <List.Item style={{ paddingLeft: (s.level - 1) * 16, cursor: 'pointer' }} onClick={() => document.getElementById(`sec-${s.i}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
                <Typography.Text ellipsis style={{ maxWidth: '75%' }}>
                  {s.marker}
                  {s.heading || SECTION_KIND_LABELS[s.kind]}
                </Typography.Text>
                <Tag color={KIND_COLORS[s.kind]}>{SECTION_KIND_LABELS[s.kind]}</Tag>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        <Card title="报告正文" size="small" extra={<span style={{ fontSize: 12 }}><Tag style={{ outline: '2px solid #52c41a' }}>单位/年度依据</Tag><Tag color="blue">数字</Tag><Tag color="red">占位符</Tag><Tag color="gold">提示</Tag><Tag color="magenta">问题表述（虚线）</Tag><ReuseLegend reuse={reuse.data} text={data.text} /></span>}>
          <AnnotatedText text={data.text} marks={marks} />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={`填报数字（${data.figures.length}）`} size="small">
          <Table
            size="small"
            rowKey={(f) => `${f.start}`}
            dataSource={data.figures}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: '活动', dataIndex: 'activity' },
              { title: '类别', dataIndex: 'category', render: (c: string | null) => c ?? <Tag>未归类</Tag> },
              { title: '数值', dataIndex: 'value', align: 'right', render: (v: number | null, f) => (f.placeholder ? <Tag color="red">缺失</Tag> : `${f.approx ? '约' : ''}${v ?? '—'}`) },
              { title: '单位', dataIndex: 'unit' },
              { title: '原句', render: (_: unknown, f) => <Typography.Text ellipsis style={{ maxWidth: 480 }}>{data.text.slice(f.sentenceStart, f.sentenceEnd)}</Typography.Text> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
