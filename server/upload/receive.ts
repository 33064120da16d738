// A multipart upload streamed to disk with busboy: every file goes straight to the staging folder, and
// the limits are counted on the bytes as they arrive, so an oversized upload is cut off while streaming
// rather than buffered and measured afterwards.
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { PRIVATE_FILE_MODE } from '../db/connection.js';
import { formatBytes } from '../decode/zipfile.js';

export interface UploadLimits {
  /** One file as sent (a zip counts as one file). */
  maxFileBytes: number;
  /** The whole request body. */
  maxRequestBytes: number;
  /** Files in one request. */
  maxFiles: number;
  /** What the request's archives may unpack to in all (each archive also has its own limits). */
  maxUnpackedBytes: number;
  /** Reports in one request once its archives are unpacked: each is decoded and analysed before the commit. */
  maxItems: number;
  /** Scanned pages read by OCR in one upload (seconds each): the scans past it are refused. */
  maxOcrPages: number;
}

/** Administrators and reviewers: a committee's whole collection at once. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRequestBytes: 300 * 1024 * 1024,
  maxFiles: 200,
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxItems: 2000,
  maxOcrPages: 200,
};

/** A unit's submitter sends its own few reports of a period, not the committee's collection. */
export const SUBMITTER_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRequestBytes: 100 * 1024 * 1024,
  maxFiles: 20,
  maxUnpackedBytes: 128 * 1024 * 1024,
  maxItems: 100,
  // A unit's own scans: a few dozen pages; the OCR's minutes belong to everyone on the server.
  maxOcrPages: 50,
};

/** The tighter of two sets of limits, field by field. */
export function tighterLimits(a: UploadLimits, b: UploadLimits): UploadLimits {
  return {
    maxFileBytes: Math.min(a.maxFileBytes, b.maxFileBytes),
    maxRequestBytes: Math.min(a.maxRequestBytes, b.maxRequestBytes),
    maxFiles: Math.min(a.maxFiles, b.maxFiles),
    maxUnpackedBytes: Math.min(a.maxUnpackedBytes, b.maxUnpackedBytes),
    maxItems: Math.min(a.maxItems, b.maxItems),
    maxOcrPages: Math.min(a.maxOcrPages, b.maxOcrPages),
  };
}

/** The whole upload is refused: `message` (Chinese) goes to the user with `status`. */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

export interface ReceivedFile {
  /** The name the browser gave (no folders). */
  name: string;
  /** Where it was written; the file is already gone when `tooLarge`. */
  path: string;
  size: number;
  /** Over the per-file limit: cut off while streaming, refused on its own. */
  tooLarge: boolean;
}

/** Streams the files of `req` into `dir` (which must exist) as upload-0, upload-1 …; rejects with UploadRefused. */
export function receiveFiles(req: IncomingMessage, dir: string, limits: UploadLimits): Promise<ReceivedFile[]> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxRequestBytes) {
      reject(new UploadRefused(413, `本次上传共 ${formatBytes(declared)}，超过 ${formatBytes(limits.maxRequestBytes)} 的上限，请分批上传`));
      return;
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 20, fieldSize: 16 * 1024 },
      });
    } catch {
      reject(new UploadRefused(400, '上传请求格式不对：请以表单（multipart/form-data）方式上传文件'));
      return;
    }
    const files: ReceivedFile[] = [];
    const streams: Readable[] = [];
    const sinks: fs.WriteStream[] = [];
    const writes: Array<Promise<void>> = [];
    let settled = false;
    let received = 0;
    // Stops reading, closes the files being written, and rejects only once they are closed, so the
    // caller can remove the folder without a write landing in it afterwards.
    const abort = (err: Error): void => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      req.off('data', count);
      bb.removeAllListeners();
      bb.on('error', () => {});
      for (const s of streams) s.destroy();
      for (const ws of sinks) ws.destroy();
      void Promise.all(sinks.map((ws) => (ws.closed ? null : new Promise<void>((r) => ws.once('close', () => r()))))).then(() => reject(err));
    };
    // The wire bytes, parts cut off by the per-file limit included: that is what the server had to read.
    const count = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limits.maxRequestBytes) {
        abort(new UploadRefused(413, `本次上传超过 ${formatBytes(limits.maxRequestBytes)} 的上限，请分批上传`));
      }
    };
    bb.on('file', (_field, stream, info) => {
      const name = info.filename?.trim() ?? '';
      if (settled || !name) {
        stream.resume();
        return;
      }
      const file: ReceivedFile = { name, path: path.join(dir, `upload-${files.length}`), size: 0, tooLarge: false };
      files.push(file);
      streams.push(stream);
      stream.on('data', (chunk: Buffer) => {
        file.size += chunk.length;
      });
      stream.on('limit', () => {
        file.tooLarge = true;
      });
      const sink = fs.createWriteStream(file.path, { mode: PRIVATE_FILE_MODE });
      sinks.push(sink);
      const write = pipeline(stream, sink).then(async () => {
        if (file.tooLarge) await fs.promises.rm(file.path, { force: true });
      });
      write.catch(() => {}); // awaited below or, after an abort, deliberately dropped
      writes.push(write);
    });
    bb.on('filesLimit', () => abort(new UploadRefused(413, `一次最多上传 ${limits.maxFiles} 个文件，请分批上传`)));
    bb.on('error', () => abort(new UploadRefused(400, '上传数据不完整或格式有误，请重新上传')));
    bb.on('close', () => {
      Promise.all(writes).then(
        () => {
          if (settled) return;
          settled = true;
          resolve(files);
        },
        (e: unknown) => abort(e instanceof Error ? e : new Error(String(e))),
      );
    });
    req.on('data', count);
    req.on('aborted', () => abort(new UploadRefused(400, '上传中断')));
    req.pipe(bb);
  });
}
