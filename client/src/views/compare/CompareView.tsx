import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, List, Row, Spin, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { diffPassages, type DiffPart } from '../../../../shared/diff.js';
import type { CounterpartRole } from '../../../../shared/types.js';
import { AnnotatedText, type TextMark } from '../../components/AnnotatedText.js';
import { formatInt, formatPercent, formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';

function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <span style={{ fontFamily: '"Noto Serif CJK SC", serif', lineHeight: 1.8 }}>
      {parts.map((p, i) =>
        p.same ? (
          <span key={i} style={{ background: '#ffd8bf' }}>
            {p.text}
          </span>
        ) : (
          <span key={i} style={{ background: '#d9f7be', textDecoration: 'underline' }} title="此处文字不同">
            {p.text}
          </span>
        ),
      )}
    </span>
  );
}

/** How a counterpart stands to the report, as the list names it. */
const ROLE_TAGS: Record<CounterpartRole, { label: string; color: string }> = {
  source: { label: '来源（较早，本报告抄自它）', color: 'volcano' },
  copier: { label: '被抄（较晚，抄用了本报告）', color: 'blue' },
  shared: { label: '同期雷同（先后不明）', color: 'gold' },
  'own-earlier': { label: '本单位往期报告', color: 'purple' },
  'own-later': { label: '本单位较晚的报告', color: 'purple' },
};

/** The two sides' headings by how the right one stands to the left (the later) one. */
const SIDES: Record<'earlier' | 'same-period' | 'own-earlier', [string, string]> = {
  earlier: ['抄用方（较晚报送）', '来源（较早报送，被抄）'],
  'same-period': ['同期报告（先后不明）', '同期报告（先后不明）'],
  'own-earlier': ['本单位较晚的报告', '本单位往期报告'],
};

function Counterparts({ id }: { id: number }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.compare.counterparts.queryOptions({ id }));
  return (
    <Card title="选择对照的报告（与本报告有相同段落的报告）">
      <List
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: '没有与本报告共享段落的报告' }}
        renderItem={(c) => (
          <List.Item extra={`相同 ${formatInt(c.chars)} 字`}>
            <Link to={`/compare?a=${id}&b=${c.id}`}>
              {c.unit} · {formatYearPeriod(c.year, c.period)}
            </Link>
            <Tag color={ROLE_TAGS[c.role].color} style={{ marginLeft: 8 }}>
              {ROLE_TAGS[c.role].label}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function CompareView() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const a = Number(params.get('a'));
  const b = Number(params.get('b'));
  const valid = Number.isInteger(a) && a > 0;
  const pairValid = valid && Number.isInteger(b) && b > 0;
  const pair = useQuery({ ...trpc.compare.pair.queryOptions({ a, b }), enabled: pairValid });
  const data = pair.data;

  const rows = useMemo(
    () =>
      (data?.passages ?? []).map((p, i) => ({
        key: i,
        n: i + 1,
        ...p,
        diff: diffPassages(data!.left.text.slice(p.start, p.end), data!.right.text.slice(p.sourceStart, p.sourceEnd)),
      })),
    [data],
  );
  const leftMarks = useMemo<TextMark[]>(
    () => rows.map((r) => ({ key: `l${r.n}`, start: r.start, end: r.end, priority: 1, anchorId: `left-${r.n}`, style: { background: '#ffd8bf' }, title: `相同段落 ${r.n}` })),
    [rows],
  );
  const rightMarks = useMemo<TextMark[]>(
    () => rows.map((r) => ({ key: `r${r.n}`, start: r.sourceStart, end: r.sourceEnd, priority: 1, anchorId: `right-${r.n}`, style: { background: '#ffd8bf' }, title: `相同段落 ${r.n}` })),
    [rows],
  );

  if (!valid) return <Empty description="请从报告详情或雷同分析中选择要对照的报告" />;
  if (!pairValid) return <Counterparts id={a} />;
  if (pair.isLoading) return <Spin tip="加载中…"><div style={{ height: 300 }} /></Spin>;
  if (pair.error || !data) return <Alert type="error" showIcon message="无法对照" description={pair.error?.message} />;

  const jump = (n: number) => {
    document.getElementById(`left-${n}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    document.getElementById(`right-${n}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  const side = (r: typeof data.left, label: string) => (
    <Descriptions size="small" column={1} title={label}>
      <Descriptions.Item label="单位">{r.unit}</Descriptions.Item>
      <Descriptions.Item label="期次">
        <Link to={`/reports/${r.id}`}>{formatYearPeriod(r.year, r.period)}</Link>
      </Descriptions.Item>
      <Descriptions.Item label="相同文字占比">{formatPercent(r.chars ? data.sharedChars / r.chars : 0)}</Descriptions.Item>
    </Descriptions>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Row gutter={16}>
            <Col span={12} data-testid="compare-left">{side(data.left, SIDES[data.relation][0])}</Col>
            <Col span={12} data-testid="compare-right">{side(data.right, SIDES[data.relation][1])}</Col>
          </Row>
          <Typography.Text>
            {data.relation === 'earlier'
              ? `${data.left.unit}的报告（${formatYearPeriod(data.left.year, data.left.period)}）与${data.right.unit}较早的报告（${formatYearPeriod(data.right.year, data.right.period)}）`
              : '两份报告'}
            有 {rows.length} 处相同或相近段落，合计 {formatInt(data.sharedChars)} 字。橙色为两份报告相同的文字，绿色下划线为改动之处。
          </Typography.Text>
        </Card>
      </Col>
      <Col span={24}>
        <Card title="逐段对照" data-testid="compare-passages">
          <Table
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: '#', dataIndex: 'n', width: 48, render: (n: number) => <a onClick={() => jump(n)}>{n}</a> },
              { title: `${data.left.unit}`, key: 'a', render: (_: unknown, r) => <DiffText parts={r.diff.a} /> },
              { title: `${data.right.unit}`, key: 'b', render: (_: unknown, r) => <DiffText parts={r.diff.b} /> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={`全文：${data.left.unit}`} size="small" styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}>
          <AnnotatedText text={data.left.text} marks={leftMarks} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={`全文：${data.right.unit}`} size="small" styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}>
          <AnnotatedText text={data.right.text} marks={rightMarks} />
        </Card>
      </Col>
    </Row>
  );
}
