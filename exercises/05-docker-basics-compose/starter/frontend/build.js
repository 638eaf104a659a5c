// `npm run build`, as a React or Vue project's build does: turns src/ into static files in
// build/ that any web server can serve. Here the "compilation" fills in the app's name and
// the build time, with no packages to download.
const fs = require('node:fs');
const path = require('node:path');

const out = path.join(__dirname, 'build');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out);
const app = fs.readFileSync(path.join(__dirname, 'src', 'App.html'), 'utf8');
const page = app.replace('%BUILD_TIME%', new Date().toISOString()).replace('%NODE%', process.version);
fs.writeFileSync(path.join(out, 'index.html'), page);
console.log('built build/index.html');
