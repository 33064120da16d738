// Adding reference texts to the template library: model essays saved from template sites (范文) or
// superiors' documents units are expected to quote (上级文件), one file, several or a zip, with a title
// and the address they came from. The stored reports that took text from them are marked at once.
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Progress, Radio, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { isWebAddress, type TemplateUploadAnswer } from '../../../../shared/templates.js';
import { TEMPLATE_KIND_LABELS, TEMPLATE_KINDS, type TemplateKind } from '../../../../shared/types.js';
import { uploadForm } from '../../http.js';

export function TemplateUpload() {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [kind, setKind] = useState<TemplateKind>('model');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [answer, setAnswer] = useState<TemplateUploadAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const badSource = source.trim() !== '' && !isWebAddress(source.trim());

  const send = async () => {
    const form = new FormData();
    for (const f of files) if (f.originFileObj) form.append('files', f.originFileObj, f.name);
    const q = new URLSearchParams({ kind });
    if (title.trim()) q.set('title', title.trim());
    if (source.trim()) q.set('source', source.trim());
    setError(null);
    setAnswer(null);
    setPercent(0);
    try {
      setAnswer(await uploadForm<TemplateUploadAnswer>(`/api/templates?${q}`, form, (x) => setPercent(Math.round(x * 100))));
      setFiles([]);
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPercent(null);
    }
  };

  return (
    <Card title="加入范文库" data-testid="template-upload">
      <Form layout="vertical">
        <Form.Item label="类型">
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)} optionType="button" options={TEMPLATE_KINDS.map((k) => ({ value: k, label: TEMPLATE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="标题" extra="不填则取文件第一行的标题或文件名；一次加入多个文件时，各文件名附在标题后">
          <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} placeholder="如：2023年上半年意识形态工作总结（范文网）" />
        </Form.Item>
        <Form.Item label="来源网址" validateStatus={badSource ? 'error' : undefined} help={badSource ? '网址应以 http:// 或 https:// 开头' : undefined}>
          <Input value={source} onChange={(e) => setSource(e.target.value)} maxLength={2000} placeholder="https://…（可不填）" />
        </Form.Item>
      </Form>
      <Upload.Dragger multiple fileList={files} disabled={percent !== null} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} accept=".docx,.pdf,.txt,.zip" data-testid="template-dragger">
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或将范文、上级文件拖到此处</p>
        <p className="ant-upload-hint">支持 .docx、.pdf、.txt 和 .zip 压缩包；加入后，已入库报告中取自这些文本的段落会立即标出。</p>
      </Upload.Dragger>
      <Button type="primary" style={{ marginTop: 12 }} disabled={files.length === 0 || percent !== null || badSource} loading={percent !== null} onClick={() => void send()}>
        加入范文库{files.length > 0 ? `（${files.length} 个文件）` : ''}
      </Button>
      {percent !== null && <Progress percent={percent} status="active" style={{ marginTop: 12 }} format={(p) => (p === 100 ? '正在与已入库报告比对…' : `${p}%`)} />}
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} />}
      {answer && (
        <Alert
          data-testid="template-upload-result"
          type={answer.failed.length ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 12 }}
          title={`新加入 ${answer.templates} 篇，已在库中 ${answer.duplicates} 篇${answer.failed.length ? `，未能加入 ${answer.failed.length} 个文件` : ''}`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {answer.results.map((r) => (
                <li key={r.file}>
                  {r.file}：{r.status === 'stored' ? `已加入《${r.title}》，${r.reports} 份已入库报告取用了其中的文字` : r.status === 'duplicate' ? `与《${r.title}》相同，未重复加入` : r.error}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
