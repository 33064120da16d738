// Plain HTTP calls outside tRPC (login, uploads, file downloads) carry the CSRF token like tRPC does.
export function csrfToken(): string {
  const m = /(?:^|;\s*)yanpan_csrf=([^;]*)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : '';
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `请求失败（${res.status}）`);
  return data;
}

/** A multipart upload that reports its progress (fetch cannot report upload progress; XHR can). */
export function uploadForm<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const data = xhr.response as (T & { error?: string }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && data) resolve(data);
      else reject(new Error(data?.error ?? `上传失败（${xhr.status}）`));
    };
    xhr.onerror = () => reject(new Error('上传未完成：网络中断或上传内容过大，请重试或分批上传'));
    xhr.send(form);
  });
}


/**
 * A multipart upload answered with JSON Lines (it asks for them): reports the upload's progress (fetch
 * cannot; XHR can), then hands each line to `onLine` as it arrives. A refusal comes as an error status.
 */
export function uploadFormLines<L>(url: string, form: FormData, onProgress: (fraction: number) => void, onLine: (line: L) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.responseType = 'text';
    let read = 0;
    const drain = (): void => {
      const text = xhr.responseText;
      for (let nl = text.indexOf('\n', read); nl >= 0; nl = text.indexOf('\n', read)) {
        const line = text.slice(read, nl).trim();
        read = nl + 1;
        if (line) onLine(JSON.parse(line) as L);
      }
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) drain();
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        drain();
        resolve();
        return;
      }
      let error: string | undefined;
      try {
        error = (JSON.parse(xhr.responseText) as { error?: string }).error;
      } catch {
        error = undefined;
      }
      reject(new Error(error ?? `上传失败（${xhr.status}）`));
    };
    xhr.onerror = () => reject(new Error('上传未完成：网络中断或上传内容过大，请重试或分批上传'));
    xhr.send(form);
  });
}

/** POSTs JSON and hands each line of a JSON Lines answer to `onLine` as soon as it arrives. */
export async function postJsonLines<T>(url: string, body: unknown, onLine: (line: T) => void): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify(body),
  });
  if (!res.ok || !res.body) {
    const data = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(data.error ?? `请求失败（${res.status}）`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += value;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (line) onLine(JSON.parse(line) as T);
    }
  }
  if (pending.trim()) onLine(JSON.parse(pending) as T);
}
