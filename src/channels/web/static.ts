import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

/** Files the playground serves, read once at start-up: name → [content type, absolute path]. */
function playgroundFiles(): Map<string, [string, string]> {
  const publicDir = path.join(__dirname, 'public');
  const adaptiveDir = path.dirname(require.resolve('adaptivecards/dist/adaptivecards.min.js'));
  return new Map([
    ['/', ['text/html; charset=utf-8', path.join(publicDir, 'index.html')]],
    [
      '/playground/playground.js',
      ['text/javascript; charset=utf-8', path.join(publicDir, 'playground.js')],
    ],
    [
      '/playground/playground.css',
      ['text/css; charset=utf-8', path.join(publicDir, 'playground.css')],
    ],
    [
      '/playground/vendor/adaptivecards.js',
      ['text/javascript; charset=utf-8', path.join(adaptiveDir, 'adaptivecards.min.js')],
    ],
    [
      '/playground/vendor/adaptivecards.css',
      ['text/css; charset=utf-8', path.join(adaptiveDir, 'adaptivecards.css')],
    ],
  ]);
}

/** Serves the playground page and its assets from memory. */
export function registerPlaygroundAssets(server: Server): void {
  for (const [route, [contentType, file]] of playgroundFiles()) {
    const body = readFileSync(file);
    server.get(route, async (_req: Request, res: Response) => {
      res.writeHead(200, {
        'Content-Type': contentType,
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy':
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
          "frame-ancestors 'none'",
      });
      res.end(body);
    });
  }
}
