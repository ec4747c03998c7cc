#!/usr/bin/env node
// A tiny static server for the built console (example/dist): `npm run example:serve`, or imported by the browser
// tests. It answers /config.json from its options (or the environment), so one build runs against any service:
//   DUBAN_CONSOLE_API=http://127.0.0.1:8080 DUBAN_CONSOLE_ISSUER=http://127.0.0.1:8180/realms/duban \
//   DUBAN_CONSOLE_PORT=5174 node example/serve.mjs
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves `dist` on host:port (port 0: any free one) with /config.json from `config`. Resolves with the server
 * and its origin once it listens.
 * @param {{ dist?: string, host?: string, port?: number, config: { apiBaseUrl: string, issuer: string, clientId?: string } }} options
 */
export function serveConsole({ dist = fileURLToPath(new URL('./dist', import.meta.url)), host = '127.0.0.1', port = 5174, config }) {
  const root = resolve(dist);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html missing: run npm run example:build first`);
  const configJson = JSON.stringify({ clientId: 'duban-console', ...config });
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/config.json') {
      res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
      res.end(configJson);
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, origin: `http://${host}:${typeof address === 'object' && address ? address.port : port}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { origin } = await serveConsole({
    port: Number(process.env.DUBAN_CONSOLE_PORT ?? 5174),
    config: {
      apiBaseUrl: process.env.DUBAN_CONSOLE_API ?? 'http://127.0.0.1:8080',
      issuer: process.env.DUBAN_CONSOLE_ISSUER ?? 'http://127.0.0.1:8180/realms/duban',
      clientId: process.env.DUBAN_CONSOLE_CLIENT_ID ?? 'duban-console',
    },
  });
  console.log(`console: ${origin}`);
}
