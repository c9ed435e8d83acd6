/**
 * The fetcher's own transport sends what a request carries: the national index is read by POST with a form body,
 * and a transport that dropped the body got an empty answer back (every index request then "stored" nothing).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedFetch } from '../../../ingest/fetch/guarded-fetch';

let server: http.Server;
let origin: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, type: req.headers['content-type'] ?? null, length: req.headers['content-length'] ?? null, body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it('sends a POST body with its length', async () => {
  const f = guardedFetch({ allowPrivate: true });
  const body = 'params=%7B%22service%22%3A%22r%E1%BB%99ng%22%7D';
  const res = await f(`${origin}/jsp/rest.jsp`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(await res.json()).toEqual({ method: 'POST', type: 'application/x-www-form-urlencoded', length: String(Buffer.byteLength(body)), body });
});

it('sends no body with a GET', async () => {
  const res = await guardedFetch({ allowPrivate: true })(`${origin}/a`);
  expect(await res.json()).toEqual({ method: 'GET', type: null, length: null, body: '' });
});
