// How the dashboard is reached, and the HTTP behaviour that follows from it: security headers, cookies,
// which proxy to believe, caching and compression. A committee's intranet opens it over plain HTTP by
// host name or IP; a larger deployment puts it behind a TLS-terminating reverse proxy (README: 部署).
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import path from 'node:path';

export interface Deployment {
  /**
   * Users reach the dashboard over HTTPS (a reverse proxy terminates TLS): adds HSTS and
   * upgrade-insecure-requests, and marks the session cookies Secure. Off by default, because over plain
   * HTTP those headers make the browser fetch the scripts over https:// and show a blank page.
   */
  https: boolean;
  /** Express's `trust proxy`: whose X-Forwarded-For/-Proto to believe (by default a proxy on this machine). */
  trustProxy: string | false;
}

const OFF = /^(0|false|no|off)$/i;
const ON = /^(1|true|yes|on)$/i;

/** From YANPAN_HTTPS (1 = behind HTTPS) and YANPAN_TRUST_PROXY (loopback, an address list, or 0). */
export function deploymentFromEnv(env: NodeJS.ProcessEnv = process.env): Deployment {
  const trust = env.YANPAN_TRUST_PROXY?.trim();
  return {
    https: ON.test(env.YANPAN_HTTPS?.trim() ?? ''),
    trustProxy: trust === undefined || trust === '' ? 'loopback' : OFF.test(trust) ? false : trust,
  };
}

export function securityHeaders(d: Deployment): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        // helmet adds it by default; over plain HTTP it breaks every script and stylesheet.
        'upgrade-insecure-requests': d.https ? [] : null,
      },
    },
    strictTransportSecurity: d.https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    // Ignored by browsers on a plain-HTTP origin (with a console error for every page): sent only over HTTPS.
    crossOriginOpenerPolicy: d.https,
    originAgentCluster: d.https,
  });
}

/**
 * gzip for everything compressible, except answers that stream progress (the upload commit's NDJSON
 * lines, marked no-transform): buffered, they would arrive all at once at the end.
 */
export function compressedResponses(): RequestHandler {
  return compression({ threshold: 1024 });
}

/** Vite's hashed file names (assets/index-Bq3x9Z.js) never change content: cached for a year. */
const HASHED_ASSET = /[-.][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/;

export function staticFiles(dir: string): RequestHandler {
  return express.static(dir, {
    index: false,
    setHeaders(res, file) {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      if (rel.startsWith('assets/') && HASHED_ASSET.test(rel)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
}
