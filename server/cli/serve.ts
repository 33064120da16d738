// yanpan serve: the dashboard and its API, until killed.
import { parseArgs } from 'node:util';
import { AccountError } from '../auth/users.js';
import { defaultDbPath } from '../db/connection.js';
import { errorCode } from '../db/errors.js';
import { fail, UsageError } from './common.js';

export async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError('--port 应为 1–65535 的整数');
  // Absent: all interfaces, so that the intranet reaches the server by its name or address.
  const host = (values.host ?? process.env.HOST)?.trim() || undefined;
  const { startServer } = await import('../server.js');
  try {
    await startServer({ dbPath: defaultDbPath(values.db), port, host });
  } catch (e) {
    if (e instanceof AccountError) fail(`YANPAN_ADMIN_PASSWORD 不能用作管理员密码：${e.message}`, 2);
    const code = errorCode(e);
    const why: Record<string, string> = { EADDRINUSE: '端口已被占用', EADDRNOTAVAIL: '本机没有这个地址', EACCES: '没有权限使用这个端口', ENOTFOUND: '无法解析这个主机名' };
    if (why[code]) fail(`无法在 ${host ?? '所有网络接口'}:${port} 上启动看板：${why[code]}（${code}）`, 2);
    throw e;
  }
  return new Promise<number>(() => {}); // runs until killed
}
