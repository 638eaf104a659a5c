// The Docker Labs demo app: a small web server with no dependencies (only Node's own
// modules), so that building its image needs nothing from the network.
//   GET /              who answered: app name, host name (the container), user, Node version
//   GET /health        liveness
//   GET /health/db     can the database named in DATABASE_URL be reached over TCP?
//   GET /health/cache  can the cache named in REDIS_URL be reached over TCP?
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const fs = require('node:fs');
const path = require('node:path');

const port = Number(process.env.PORT || 3000);

function buildInfo() {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, 'build-info.json'), 'utf8'));
  } catch {
    return null; // run from the sources, not from a build
  }
}

function currentUser() {
  try {
    return os.userInfo().username;
  } catch {
    return String(process.getuid ? process.getuid() : 'unknown');
  }
}

// Opens a TCP connection to the host and port of a URL such as
// postgresql://user:password@postgres-db:5432/myapp; resolves to "up" or "down".
function probe(url, defaultPort) {
  return new Promise((resolve) => {
    let target;
    try {
      target = new URL(url);
    } catch {
      resolve('not configured');
      return;
    }
    const socket = net.connect({ host: target.hostname, port: Number(target.port || defaultPort) });
    const done = (state) => {
      socket.destroy();
      resolve(state);
    };
    socket.setTimeout(2000, () => done('down'));
    socket.once('connect', () => done('up'));
    socket.once('error', () => done('down'));
  });
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body) + '\n');
}

const server = http.createServer(async (req, res) => {
  const route = new URL(req.url, 'http://localhost').pathname;
  console.log(`${new Date().toISOString()} ${req.method} ${route}`);
  if (route === '/') {
    send(res, 200, {
      app: 'docker-labs-demo',
      message: 'Hello from Docker Labs',
      host: os.hostname(),
      user: currentUser(),
      node: process.version,
      build: buildInfo(),
    });
  } else if (route === '/health') {
    send(res, 200, { status: 'ok' });
  } else if (route === '/health/db') {
    const database = process.env.DATABASE_URL ? await probe(process.env.DATABASE_URL, 5432) : 'not configured';
    send(res, database === 'up' ? 200 : 503, { database });
  } else if (route === '/health/cache') {
    const cache = process.env.REDIS_URL ? await probe(process.env.REDIS_URL, 6379) : 'not configured';
    send(res, cache === 'up' ? 200 : 503, { cache });
  } else {
    send(res, 404, { error: 'not found' });
  }
});

server.listen(port, () => console.log(`docker-labs-demo listening on port ${port}`));

// `docker stop` sends SIGTERM: close cleanly instead of waiting to be killed.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
