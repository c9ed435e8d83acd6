/** HttpFetcher.fetchBytes: attached reports as bytes, with the page fetcher's robots.txt, redirects and size limit. */
import { HttpFetcher } from '../../../ingest/fetch';
import { BodyTooLargeError, RobotsDisallowedError, UndecodableBodyError } from '../../../ingest/errors';
import { startServer, type TestServer } from './server-helpers';

let server: TestServer;
afterEach(async () => { await server?.close(); });

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff])]);

it('returns the exact bytes of a binary body after a redirect, where a page fetch refuses it', async () => {
  server = await startServer({
    '/download.aspx?id=7': (_req, res) => res.writeHead(302, { location: '/files/bao-cao.pdf' }).end(),
    '/files/bao-cao.pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF),
  });
  const f = new HttpFetcher({ minDelayMillis: 0, allowPrivateAddresses: true });
  const got = await f.fetchBytes(`${server.origin}/download.aspx?id=7`);
  expect(got.bytes.equals(PDF)).toBe(true);
  expect(got.finalUrl).toBe(`${server.origin}/files/bao-cao.pdf`);
  expect(got.headers['content-type']).toBe('application/pdf');
  await expect(f.fetch(`${server.origin}/files/bao-cao.pdf`)).rejects.toBeInstanceOf(UndecodableBodyError);
});

it('keeps the size limit and robots.txt', async () => {
  server = await startServer({
    '/robots.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
    '/big.xlsx': (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(4096)),
    '/private/a.pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF),
  });
  const f = new HttpFetcher({ minDelayMillis: 0, maxBodyBytes: 1000, allowPrivateAddresses: true });
  await expect(f.fetchBytes(`${server.origin}/big.xlsx`)).rejects.toBeInstanceOf(BodyTooLargeError);
  await expect(f.fetchBytes(`${server.origin}/private/a.pdf`)).rejects.toBeInstanceOf(RobotsDisallowedError);
  expect(server.hits.get('/private/a.pdf')).toBeUndefined();
});
