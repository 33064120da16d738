// 报送上传: drop reports or a zip, see what was found in each file (unit, department, year, period,
// title, encoding, length, duplicates, problems), correct it row by row or for all selected rows, then
// store the batch and watch each file's outcome arrive. A submitter's unit is fixed by the server.
import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Card, Checkbox, Input, InputNumber, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { PERIOD_LABELS, PERIODS, type Period, type ReportMeta } from '../../../../shared/types.js';
import type { CommitLine, StageLine, UploadBatch, UploadItem } from '../../../../shared/uploads.js';
import { formatInt } from '../../format.js';
import { postJsonLines, uploadFormLines } from '../../http.js';
import { useTRPC } from '../../trpc.js';
import { ScanProgress, type ScanPage } from './ScanProgress.js';

type Outcome = Extract<CommitLine, { type: 'result' }>;

interface Row extends UploadItem {
  outcome?: Outcome;
  /** The user chose to store this file as the corrected version of the period's report. */
  correction?: boolean;
}

interface CommitState {
  total: number;
  done: number;
  running: boolean;
  summary?: Extract<CommitLine, { type: 'done' }>;
  error?: string;
}

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8 文本',
  gb18030: 'GBK 文本',
  'utf-16': 'UTF-16 文本',
  docx: 'Word 文档',
  doc: 'Word 97–2003 文档',
  wps: 'WPS 文档',
  rtf: 'RTF 文档',
  ofd: 'OFD 版式文档',
  pdf: 'PDF',
  ocr: '扫描件（文字识别）',
};

const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }));

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

function OutcomeCell({ outcome }: { outcome: Outcome }) {
  if (outcome.status === 'failed') {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="red">未入库</Tag>
        <Typography.Text type="danger">{outcome.error}</Typography.Text>
      </Space>
    );
  }
  return (
    <Space size={4}>
      {outcome.status === 'stored' ? <Tag color={outcome.pending ? 'orange' : 'green'}>{outcome.pending ? '已入库（待确认）' : '已入库'}</Tag> : <Tag color="orange">重复，未再入库</Tag>}
      {outcome.reportId === null ? (
        <Typography.Text type="secondary">已由另一单位报送</Typography.Text>
      ) : (
        <Link to={`/reports/${outcome.reportId}`}>{outcome.status === 'stored' ? '查看报告' : '查看已有报告'}</Link>
      )}
    </Space>
  );
}

function Notes({ row, onCorrection }: { row: Row; onCorrection: (on: boolean) => void }) {
  const missing = [!row.meta.unit && '报送单位', row.meta.year === null && '年度'].filter((m): m is string => !!m);
  if (row.problem) {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="red">无法读取</Tag>
        <Typography.Text type="danger">{row.problem}</Typography.Text>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={2}>
      {row.duplicateOf && (
        <span>
          <Tag color="orange">已入库过</Tag>
          {row.duplicateOf.reportId === null ? (
            `${row.duplicateOf.unit}${row.duplicateOf.title ? `《${row.duplicateOf.title}》` : ''}`
          ) : (
            <Link to={`/reports/${row.duplicateOf.reportId}`}>
              {row.duplicateOf.unit}
              {row.duplicateOf.title ? `《${row.duplicateOf.title}》` : ''}
            </Link>
          )}
        </span>
      )}
      {row.replaces && (
        <span data-testid={`replaces-${row.id}`}>
          <Tag color="blue">{row.replaces.proposed ? `疑似更正版本（与原报告重复 ${Math.round(row.replaces.share * 100)}%）` : '本期已有报告'}</Tag>
          <Link to={`/reports/${row.replaces.reportId}`}>{row.replaces.title ?? `报告 ${row.replaces.reportId}`}</Link>
          <div>
            <Checkbox checked={row.correction === true} onChange={(e) => onCorrection(e.target.checked)} data-testid={`correction-${row.id}`}>
              作为更正版本替换原报告（原报告保留可查）
            </Checkbox>
          </div>
        </span>
      )}
      {missing.length > 0 && <Typography.Text type="warning">未能识别出{missing.join('、')}，请填写（不填也可入库，列入“待补充信息”待确认）</Typography.Text>}
      {row.warnings.map((w) => (
        <Typography.Text key={w} type="warning">
          {w}
        </Typography.Text>
      ))}
      {!row.duplicateOf && row.warnings.length === 0 && missing.length === 0 && <Tag color="green">可入库</Tag>}
    </Space>
  );
}

export function UploadView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const options = useQuery(trpc.overview.filterOptions.queryOptions());
  const fixedUnit = me.data?.role === 'submitter' ? me.data.unitName : null;

  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [scanPage, setScanPage] = useState<ScanPage | null>(null);
  const [batch, setBatch] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [bulk, setBulk] = useState<Partial<ReportMeta>>({});
  const [commit, setCommit] = useState<CommitState | null>(null);

  const unitDepartment = useMemo(() => new Map((options.data?.units ?? []).map((u) => [u.name, u.department])), [options.data]);
  const unitOptions = useMemo(() => (options.data?.units ?? []).map((u) => ({ value: u.name, label: u.department ? `${u.name}（${u.department}）` : u.name })), [options.data]);
  const departmentOptions = useMemo(() => (options.data?.departments ?? []).map((d) => ({ value: d })), [options.data]);

  const locked = commit !== null;

  const update = (ids: number[], patch: Partial<ReportMeta>) => {
    // Choosing a known unit brings its department along unless one is given too.
    const department = patch.unit && patch.department === undefined ? unitDepartment.get(patch.unit) : undefined;
    const full = department ? { ...patch, department } : patch;
    setRows((rs) => rs.map((r) => (ids.includes(r.id) ? { ...r, meta: { ...r.meta, ...full } } : r)));
  };

  const reset = () => {
    setFiles([]);
    setBatch(null);
    setRows([]);
    setSelected([]);
    setCommit(null);
    setUploadPercent(null);
    setUploadError(null);
  };

  const send = async () => {
    const form = new FormData();
    for (const f of files) if (f.originFileObj) form.append('files', f.originFileObj, f.name);
    setUploadError(null);
    setUploadPercent(0);
    // Filled by the answer's last line (a closure assignment TypeScript would not see on a plain let).
    const answer: { batch: UploadBatch | null } = { batch: null };
    try {
      await uploadFormLines<StageLine>(
        '/api/uploads',
        form,
        (x) => setUploadPercent(Math.round(x * 100)),
        (line) => {
          if (line.type === 'progress') setScanPage(line);
          else if (line.type === 'batch') answer.batch = line.batch;
          else setUploadError(line.error);
        },
      );
      if (answer.batch) {
        const { batch: id, items } = answer.batch;
        setBatch(id);
        // A file that repeats most of its unit's report for the period is proposed as its corrected version.
        setRows(items.map((i) => ({ ...i, correction: i.replaces?.proposed === true })));
        setSelected(items.filter((i) => !i.problem && !i.duplicateOf).map((i) => i.id));
        setFiles([]);
      }
    } catch (e) {
      setUploadError(e instanceof Error ? e.message : String(e));
    } finally {
      setUploadPercent(null);
      setScanPage(null);
    }
  };

  const store = async () => {
    if (!batch) return;
    const items = rows.filter((r) => selected.includes(r.id)).map((r) => ({ id: r.id, meta: r.meta, correction: r.correction === true }));
    setCommit({ total: items.length, done: 0, running: true });
    try {
      await postJsonLines<CommitLine>(`/api/uploads/${batch}/commit`, { items }, (line) => {
        if (line.type === 'result') {
          setRows((rs) => rs.map((r) => (r.id === line.id ? { ...r, outcome: line } : r)));
          setCommit((c) => c && { ...c, done: c.done + 1 });
        } else if (line.type === 'done') setCommit((c) => c && { ...c, running: false, summary: line });
        else setCommit((c) => c && { ...c, running: false, error: line.error });
      });
      setCommit((c) => c && { ...c, running: false });
    } catch (e) {
      setCommit((c) => c && { ...c, running: false, error: e instanceof Error ? e.message : String(e) });
    }
    await queryClient.invalidateQueries();
  };

  const editable = (r: Row) => !locked && !r.problem;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="报送上传">
        {fixedUnit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`以“${fixedUnit}”的名义报送：上传的报告都将记在本单位名下。`} />}
        <Upload.Dragger
          multiple
          fileList={files}
          disabled={uploadPercent !== null || batch !== null}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList)}
          accept=".docx,.doc,.wps,.rtf,.ofd,.pdf,.jpg,.jpeg,.png,.tif,.tiff,.txt,.zip"
          data-testid="upload-dragger"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或将报告文件、压缩包拖到此处</p>
          <p className="ant-upload-hint">支持 Word（.docx/.doc）、WPS（.wps）、RTF、OFD、PDF、文本（.txt，GBK/UTF-8/UTF-16 均可）和 .zip 压缩包（可含文件夹）；盖章扫描件（PDF 或 .jpg/.png/.tif 图片）将自动文字识别。</p>
        </Upload.Dragger>
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" disabled={files.length === 0 || uploadPercent !== null || batch !== null} loading={uploadPercent !== null} onClick={() => void send()}>
            上传并识别{files.length > 0 ? `（${files.length} 个文件）` : ''}
          </Button>
          {batch && (
            <Button onClick={reset} disabled={commit?.running}>
              重新选择文件
            </Button>
          )}
        </Space>
        {uploadPercent !== null && <Progress percent={uploadPercent} status="active" style={{ marginTop: 12 }} format={(p) => (p === 100 ? '识别中…' : `${p}%`)} data-testid="upload-progress" />}
        {uploadPercent !== null && scanPage && <ScanProgress page={scanPage} />}
        {uploadError && <Alert type="error" showIcon style={{ marginTop: 12 }} title="上传失败" description={uploadError} />}
      </Card>

      {batch && (
        <Card
          title={`识别结果（${rows.length} 份，其中 ${rows.filter((r) => r.problem).length} 份无法读取）`}
          extra={
            <Button type="primary" disabled={locked || selected.length === 0} onClick={() => void store()} data-testid="commit-button">
              确认入库（{selected.length} 份）
            </Button>
          }
        >
          {!locked && (
            <Space wrap style={{ marginBottom: 12 }}>
              <span>为选中的 {selected.length} 份统一设置：</span>
              {!fixedUnit && (
                <AutoComplete
                  style={{ width: 180 }}
                  placeholder="单位"
                  options={unitOptions}
                  value={bulk.unit ?? undefined}
                  onChange={(v: string) => setBulk((b) => ({ ...b, unit: v || undefined }))}
                  filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                />
              )}
              {!fixedUnit && (
                <AutoComplete
                  style={{ width: 140 }}
                  placeholder="部门"
                  options={departmentOptions}
                  value={bulk.department ?? undefined}
                  onChange={(v: string) => setBulk((b) => ({ ...b, department: v || undefined }))}
                />
              )}
              <InputNumber style={{ width: 100 }} placeholder="年度" min={1949} max={2100} value={bulk.year ?? null} onChange={(v) => setBulk((b) => ({ ...b, year: v ?? undefined }))} />
              <Select style={{ width: 110 }} placeholder="期别" allowClear options={PERIOD_OPTIONS} value={bulk.period ?? undefined} onChange={(v: Period | undefined) => setBulk((b) => ({ ...b, period: v }))} />
              <Button
                disabled={selected.length === 0 || Object.values(bulk).every((v) => v === undefined || v === '')}
                onClick={() => {
                  const patch = Object.fromEntries(Object.entries(bulk).filter(([, v]) => v !== undefined && v !== '')) as Partial<ReportMeta>;
                  update(selected, patch);
                }}
              >
                应用到选中项
              </Button>
            </Space>
          )}
          {commit && (
            <div style={{ marginBottom: 12 }} data-testid="commit-progress">
              <Progress
                percent={commit.total ? Math.round((commit.done / commit.total) * 100) : 100}
                status={commit.error ? 'exception' : commit.running ? 'active' : 'success'}
                format={() => `${commit.done}/${commit.total}`}
              />
              {commit.running && commit.done === commit.total && <Typography.Text type="secondary">全部文件已处理，正在更新雷同比对与问题主题…</Typography.Text>}
              {commit.summary && (
                <Alert
                  type={commit.summary.failed > 0 ? 'warning' : 'success'}
                  showIcon
                  title={`入库完成：新入库 ${commit.summary.stored} 份${commit.summary.pending ? `（其中待确认 ${commit.summary.pending} 份）` : ''}，重复 ${commit.summary.duplicates} 份，未入库 ${commit.summary.failed} 份`}
                  action={<Button onClick={reset}>继续上传</Button>}
                  data-testid="commit-summary"
                />
              )}
              {commit.error && <Alert type="error" showIcon title="入库中断" description={commit.error} />}
            </div>
          )}
          <Table<Row>
            rowKey="id"
            size="small"
            data-testid="upload-table"
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 1300 }}
            rowSelection={
              locked
                ? undefined
                : {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(Number)),
                    getCheckboxProps: (r) => ({ disabled: !!r.problem }),
                  }
            }
            columns={[
              {
                title: '文件',
                dataIndex: 'fileName',
                width: 240,
                render: (name: string, r) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text style={{ wordBreak: 'break-all' }}>{name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatSize(r.size)}
                      {r.encoding ? ` · ${ENCODING_LABELS[r.encoding] ?? r.encoding} · ${formatInt(r.chars)} 字` : ''}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '识别提示',
                width: 220,
                render: (_, r) => <Notes row={r} onCorrection={(on) => setRows((rs) => rs.map((x) => (x.id === r.id ? { ...x, correction: on } : x)))} />,
              },
              ...(locked
                ? [
                    {
                      title: '入库结果',
                      width: 200,
                      render: (_: unknown, r: Row) => {
                        if (r.outcome) return <OutcomeCell outcome={r.outcome} />;
                        if (r.problem) return <OutcomeCell outcome={{ type: 'result', id: r.id, file: r.fileName, status: 'failed', error: r.problem }} />;
                        if (!selected.includes(r.id)) return <Tag>未提交</Tag>;
                        return commit?.running ? <Tag>等待中</Tag> : null;
                      },
                    },
                  ]
                : []),
              {
                title: '单位',
                width: 170,
                render: (_, r) => (
                  <>
                    {fixedUnit || !editable(r) ? (
                      (r.meta.unit ?? '—')
                    ) : (
                      <AutoComplete
                        style={{ width: '100%' }}
                        options={unitOptions}
                        value={r.meta.unit ?? ''}
                        status={r.meta.unit ? undefined : 'warning'}
                        placeholder="请填写单位"
                        onChange={(v: string) => update([r.id], { unit: v || null })}
                        filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                      />
                    )}
                    {r.unitFrom && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        依据：{r.unitFrom}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              {
                title: '部门',
                width: 130,
                render: (_, r) =>
                  fixedUnit || !editable(r) ? (
                    (r.meta.department ?? '—')
                  ) : (
                    <AutoComplete style={{ width: '100%' }} options={departmentOptions} value={r.meta.department ?? ''} placeholder="部门" onChange={(v: string) => update([r.id], { department: v || null })} />
                  ),
              },
              {
                title: '年度',
                width: 100,
                render: (_, r) =>
                  editable(r) ? (
                    <InputNumber style={{ width: '100%' }} min={1949} max={2100} value={r.meta.year} status={r.meta.year ? undefined : 'warning'} onChange={(v) => update([r.id], { year: v ?? null })} />
                  ) : (
                    (r.meta.year ?? '—')
                  ),
              },
              {
                title: '期别',
                width: 110,
                render: (_, r) =>
                  editable(r) ? (
                    <Select<Period> style={{ width: '100%' }} allowClear placeholder="期别" options={PERIOD_OPTIONS} value={r.meta.period ?? undefined} onChange={(v) => update([r.id], { period: v ?? null })} />
                  ) : r.meta.period ? (
                    PERIOD_LABELS[r.meta.period]
                  ) : (
                    '—'
                  ),
              },
              {
                title: '标题',
                width: 200,
                render: (_, r) =>
                  editable(r) ? (
                    <Input value={r.meta.title ?? ''} placeholder="标题" onChange={(e) => update([r.id], { title: e.target.value || null })} />
                  ) : (
                    (r.meta.title ?? '—')
                  ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
