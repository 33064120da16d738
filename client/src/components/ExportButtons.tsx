// Export buttons for table cards ("导出 Excel / CSV") and the briefing ("生成简报"), with the filters in
// the URL. The server checks the role again; the briefing button shows only to those who may use it.
import { DownloadOutlined, FileExcelOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Dropdown, Modal } from 'antd';
import { useState } from 'react';
import { BRIEFING_SECTION_LABELS, BRIEFING_SECTIONS, type BriefingSection, type ExportOptions, type ExportTableName } from '../../../shared/exports.js';
import { FILTER_KEYS, type Filters } from '../../../shared/filters.js';
import { downloadExport } from '../download.js';
import { useTRPC } from '../trpc.js';
import { useFilters } from '../useFilters.js';

function query(f: Filters, opts: ExportOptions & { sections?: string } = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k] !== undefined) q.set(k, String(f[k]));
  for (const [k, v] of Object.entries(opts)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function useDownload(): [string | null, (key: string, url: string, name: string) => void] {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = (key: string, url: string, name: string) => {
    setBusy(key);
    downloadExport(url, name)
      .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(null));
  };
  return [busy, run];
}

export function TableExport({ table, label = '导出 Excel / CSV', options }: { table: ExportTableName; label?: string; options?: ExportOptions }) {
  const [filters] = useFilters();
  const [busy, run] = useDownload();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', icon: <FileExcelOutlined />, label: 'Excel 表格（.xlsx）' },
          { key: 'csv', icon: <FileTextOutlined />, label: 'CSV（.csv，UTF-8）' },
        ],
        onClick: ({ key }) => run(key, `/api/export/table/${table}.${key}${query(filters, options)}`, `${table}.${key}`),
      }}
    >
      <Button size="small" icon={<DownloadOutlined />} loading={busy !== null} data-testid={`export-${table}`}>
        {label}
      </Button>
    </Dropdown>
  );
}

/** 生成简报: a dialog where the reviewer chooses the sections, then the download (scope from the filters). */
export function BriefingButton() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [filters] = useFilters();
  const [busy, run] = useDownload();
  const [open, setOpen] = useState(false);
  const [sections, setSections] = useState<BriefingSection[]>([...BRIEFING_SECTIONS]);
  if (!me.data || me.data.role === 'submitter') return null;
  const all = sections.length === BRIEFING_SECTIONS.length;
  return (
    <>
      <Button type="primary" icon={<FileWordOutlined />} loading={busy !== null} data-testid="briefing-button" onClick={() => setOpen(true)}>
        {busy ? '正在生成简报…' : '生成简报'}
      </Button>
      <Modal
        title="生成研判简报"
        open={open}
        okText="生成并下载"
        cancelText="取消"
        okButtonProps={{ disabled: sections.length === 0, id: 'briefing-generate' }}
        onCancel={() => setOpen(false)}
        onOk={() => {
          setOpen(false);
          run('docx', `/api/export/briefing.docx${query(filters, all ? {} : { sections: sections.join(',') })}`, '研判简报.docx');
        }}
      >
        <p>简报范围按当前筛选条件；请选择要包含的部分：</p>
        <Checkbox.Group
          data-testid="briefing-sections"
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          value={sections}
          onChange={(v) => setSections(BRIEFING_SECTIONS.filter((s) => v.includes(s)))}
          options={BRIEFING_SECTIONS.map((s) => ({ value: s, label: BRIEFING_SECTION_LABELS[s] }))}
        />
      </Modal>
    </>
  );
}
