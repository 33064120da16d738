// The mark of a report read from a scan: reviewers see that its text came from OCR, with the engine's
// confidence, so a wrong character is read as a misreading to check against the original.
import { Alert, Tag } from 'antd';
import { formatPercent } from '../../format.js';

export interface OcrInfo {
  engine: string;
  confidence: number;
  pages: number;
}

export function OcrNotice({ ocr, originalHref }: { ocr: OcrInfo; originalHref: string | null }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="ocr-notice"
      title={
        <span>
          <Tag color="orange">识别自扫描件</Tag>
          本报告的文字由扫描件经文字识别（OCR）得到：{ocr.pages} 页，平均置信度 {formatPercent(ocr.confidence, 0)}（{ocr.engine}）。个别文字可能识别有误，引用前请与原件核对。
        </span>
      }
      action={originalHref ? <a href={originalHref}>查看原件</a> : undefined}
    />
  );
}
