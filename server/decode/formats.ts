// Which file names Yanpan reads, and the reason it gives for the ones it does not.
import path from 'node:path';

/** Word 97–2003 binaries and WPS documents. */
export const WORD97_EXTENSIONS = ['.doc', '.wps'] as const;
/** Page images of a scan: read by OCR. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.tif', '.tiff'] as const;

export const REPORT_EXTENSIONS = ['.txt', '.docx', ...WORD97_EXTENSIONS, '.rtf', '.ofd', '.pdf', ...IMAGE_EXTENSIONS] as const;
export type ReportExtension = (typeof REPORT_EXTENSIONS)[number];

export const ARCHIVE_EXTENSION = '.zip';

/** The accepted types as the user is told them. */
export const ACCEPTED_TYPES = 'Word（.docx/.doc）、WPS（.wps）、RTF、OFD、PDF（含扫描件）、扫描图片（.jpg/.png/.tif）或文本（.txt）';

export function extensionOf(fileName: string): string {
  return path.extname(fileName).toLowerCase();
}

export function isReportExtension(ext: string): ext is ReportExtension {
  return (REPORT_EXTENSIONS as readonly string[]).includes(ext);
}

/** Why a file name is not a report Yanpan reads, or null when its extension is one. */
export function typeRefusal(fileName: string): string | null {
  const ext = extensionOf(fileName);
  if (isReportExtension(ext)) return null;
  if (ext === '.rar' || ext === '.7z') return `不支持 ${ext} 压缩包，请改用 .zip 格式打包`;
  if (['.gif', '.bmp', '.webp', '.heic', '.heif'].includes(ext)) return `不支持 ${ext} 图片；扫描件请保存为 PDF、JPG、PNG 或 TIF 后提交`;
  return `不支持的文件类型“${ext || '无扩展名'}”，请提交 ${ACCEPTED_TYPES}文件（可打包为 .zip）`;
}
