// `npm run build`: puts what the app needs at run time into dist/, with a record of the
// build. The multi-stage Dockerfile runs this in its build stage and copies only dist/.
const fs = require('node:fs');
const path = require('node:path');

const out = path.join(__dirname, 'dist');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out);
for (const file of ['server.js', 'package.json']) {
  fs.copyFileSync(path.join(__dirname, file), path.join(out, file));
}
const info = { builtAt: new Date().toISOString(), node: process.version };
fs.writeFileSync(path.join(out, 'build-info.json'), JSON.stringify(info, null, 2) + '\n');
console.log('built dist/');
