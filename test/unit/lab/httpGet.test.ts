// The http check's GET follows redirects on the same server, as the browser the step asks
// the learner to open does (Grafana answers `/` with 302 → /login), and never leaves it.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { httpGet } from '../../../src/lab';

function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describe('lab: httpGet (the http check)', () => {
  it('follows a relative redirect on the same server and reports the final answer', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/') res.writeHead(302, { Location: '/login' }).end('<a href="/login">Found</a>.');
      else if (req.url === '/login') res.writeHead(200).end('<title>Grafana</title>');
      else res.writeHead(404).end('nope');
    });
    try {
      assert.deepEqual(await httpGet(`${s.url}/`, 2000), { status: 200, body: '<title>Grafana</title>' });
    } finally {
      await s.close();
    }
  });

  it('does not follow a redirect to another server: the 3xx itself is the answer', async () => {
    const s = await serve((_req, res) => res.writeHead(301, { Location: 'http://example.invalid/' }).end('moved'));
    try {
      assert.deepEqual(await httpGet(`${s.url}/`, 2000), { status: 301, body: 'moved' });
    } finally {
      await s.close();
    }
  });

  it('stops after five redirects in a loop', async () => {
    let hits = 0;
    const s = await serve((_req, res) => {
      hits++;
      res.writeHead(302, { Location: '/' }).end('again');
    });
    try {
      const res = await httpGet(`${s.url}/`, 2000);
      assert.equal(res.status, 302);
      assert.equal(hits, 6);
    } finally {
      await s.close();
    }
  });
});
