// Which file names Yanpan reads, and the reason it gives for the ones it does not.
import path from 'node:path';

export const REPORT_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;
export type ReportExtension = (typeof REPORT_EXTENSIONS)[number];

export const ARCHIVE_EXTENSION = '.zip';

export function extensionOf(fileName: string): string {
  return path.extname(fileName).toLowerCase();
}

export function isReportExtension(ext: string): ext is ReportExtension {
  return (REPORT_EXTENSIONS as readonly string[]).includes(ext);
}

/** Word 97–2003 and WPS binary documents: no maintained pure-JS reader keeps their list numbering. */
export const SAVE_AS_DOCX_MESSAGE = '这是旧版 Word/WPS 二进制文档（.doc/.wps），无法可靠提取正文和自动编号；请在 Word 或 WPS 中“另存为” .docx 后重新提交';

/** Why a file name is not a report Yanpan reads, or null when its extension is one. */
export function typeRefusal(fileName: string): string | null {
  const ext = extensionOf(fileName);
  if (isReportExtension(ext)) return null;
  if (ext === '.doc' || ext === '.wps') return SAVE_AS_DOCX_MESSAGE;
  if (ext === '.rar' || ext === '.7z') return `不支持 ${ext} 压缩包，请改用 .zip 格式打包`;
  return `不支持的文件类型“${ext || '无扩展名'}”，请提交 .txt、.docx 或 .pdf 文件（可打包为 .zip）`;
}
