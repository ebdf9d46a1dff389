/**
 * After `tsup`: the CommonJS entry points become one-line stubs that `require()` the ES module
 * (Node ≥ 20.19 loads ES modules with `require`, and `engines` says so), and the CommonJS copies of
 * the other modules go. One copy of the code ships instead of two, which keeps the tarball within
 * its 1.5 MB budget; `require('sesam-billing/…')` returns the same module namespace as `import`.
 * The `.d.cts` declarations stay as tsup wrote them. Only touches dist/, which the build creates.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const entries = new Set();
for (const [key, target] of Object.entries(pkg.exports)) {
  const cjs = typeof target === 'object' ? target.require?.default : undefined;
  if (typeof cjs === 'string') entries.add(cjs.replace(/^\.\//, ''));
  else if (key !== './package.json') throw new Error(`cjs-stubs: no require entry for ${key}`);
}
let removed = 0;
const walk = (dir) => {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) walk(p);
    else if (d.name.endsWith('.cjs')) {
      const rel = relative('.', p).split(sep).join('/');
      if (entries.has(rel)) {
        writeFileSync(p, `'use strict';\n// The package's code is ES modules; CommonJS callers get the same module through require(esm).\nmodule.exports = require('./${d.name.replace(/\.cjs$/, '.js')}');\n`);
      } else {
        rmSync(p);
        removed++;
      }
    }
  }
};
walk('dist');
for (const e of entries) readFileSync(e); // every entry exists
console.log(`cjs-stubs: ${entries.size} CommonJS entry stubs, ${removed} CommonJS copies removed`);
