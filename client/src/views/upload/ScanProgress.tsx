// While an upload is read: which scan OCR is reading, page by page (seconds a page).
import { Progress, Typography } from 'antd';
import type { StageLine } from '../../../../shared/uploads.js';

export type ScanPage = Extract<StageLine, { type: 'progress' }>;

export function ScanProgress({ page }: { page: ScanPage }) {
  return (
    <div style={{ marginTop: 8 }} data-testid="ocr-progress">
      <Typography.Text type="secondary">
        正在识别扫描件“{page.file}”：第 {page.page}/{page.pages} 页
      </Typography.Text>
      <Progress size="small" percent={Math.round((page.page / page.pages) * 100)} format={() => `${page.page}/${page.pages} 页`} />
    </div>
  );
}
