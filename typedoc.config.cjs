/**
 * TypeDoc API reference (`npm run docs` → docs/api/index.html). One entry per public subpath,
 * read from package.json `exports`, so a new subpath is documented without editing this file.
 */
const { exports: map } = require('./package.json');

const entryPoints = Object.keys(map)
  .filter((k) => k !== './package.json')
  .map((k) => (k === '.' ? 'src/index.ts' : `src/${k.slice(2)}/index.ts`));

/** @type {Partial<import('typedoc').TypeDocOptions>} */
module.exports = {
  name: 'sesam-billing',
  entryPoints,
  out: 'docs/api',
  tsconfig: 'tsconfig.json',
  readme: 'README.md',
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true,
  githubPages: false,
  disableSources: true,
  hideGenerator: true,
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  logLevel: 'Warn',
};
