// Saving what the dashboard made as a file: a Blob or data URL handed to the browser as a download,
// and server exports fetched with the session (so that a refusal shows as a message, not as a file).
export function saveFile(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  saveFile(url, fileName);
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name the server gave (Content-Disposition, RFC 5987 for Chinese names). */
function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1]! : null;
}

export async function downloadExport(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(data.error ?? `导出失败（${res.status}）`);
  }
  saveBlob(await res.blob(), dispositionName(res.headers.get('content-disposition')) ?? fallbackName);
}

/** A chart title as a file name. */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 80) || '图表';
}
