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

/** The answer's `error`, or a message with the status. */
function failure(xhr: XMLHttpRequest): Error {
  let error: string | undefined;
  try {
    error = (JSON.parse(xhr.responseText) as { error?: string }).error;
  } catch {
    error = undefined;
  }
  return new Error(error ?? `上传失败（${xhr.status}）`);
}

/**
 * POSTs a multipart form, reporting the upload's progress (fetch cannot; XHR can); `onReceive` sees the
 * answer's text as it arrives. Resolves with the request once it is answered with success.
 */
function sendForm(url: string, form: FormData, onProgress: (fraction: number) => void, accept: string, onReceive?: (text: string) => void): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.setRequestHeader('accept', accept);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) onReceive?.(xhr.responseText);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(failure(xhr));
        return;
      }
      onReceive?.(xhr.responseText);
      resolve(xhr);
    };
    xhr.onerror = () => reject(new Error('上传未完成：网络中断或上传内容过大，请重试或分批上传'));
    xhr.send(form);
  });
}

/** A multipart upload answered with one JSON document. */
export async function uploadForm<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  const xhr = await sendForm(url, form, onProgress, 'application/json');
  return JSON.parse(xhr.responseText) as T;
}

/** A multipart upload answered with JSON Lines (it asks for them): each line goes to `onLine` as it arrives. */
export async function uploadFormLines<L>(url: string, form: FormData, onProgress: (fraction: number) => void, onLine: (line: L) => void): Promise<void> {
  let read = 0;
  await sendForm(url, form, onProgress, 'application/x-ndjson', (text) => {
    for (let nl = text.indexOf('\n', read); nl >= 0; nl = text.indexOf('\n', read)) {
      const line = text.slice(read, nl).trim();
      read = nl + 1;
      if (line) onLine(JSON.parse(line) as L);
    }
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
