/**
 * Module boundaries of ../shared/ARCHITECTURE.md, enforced in CI (`npm run lint`).
 * Each rule names a module and the only src/ folders it may import.
 */
const allow = (from, allowed, comment) => ({
  name: `boundary-${from.replace(/\W+/g, '-')}`,
  comment,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: '^src/', pathNot: [`^src/${from}/`, ...allowed.map((a) => `^src/${a}/`)] },
});

const PURE = ['core', 'internal', 'rules', 'fse', 'dre', 'scor', 'insi', 'noemie', 'returns', 'adr', 'reader', 'signature', 'ledger', 'dashboard'];

module.exports = {
  forbidden: [
    allow('core', [], 'core imports nothing else from src'),
    allow('internal', ['core'], 'internal (fixed-width engine, xml) stands on core only'),
    allow('rules', ['core'], 'rules stands on core only'),
    allow('fse', ['core', 'internal', 'rules', 'signature', 'ledger'], 'fse: core, internal, rules, signature ports, ledger port'),
    allow('dre', ['core', 'internal', 'rules', 'fse'], 'dre: core, internal, rules, fse model'),
    allow('scor', ['core'], 'scor: core'),
    allow('insi', ['core', 'internal'], 'insi: core, internal (insi/node: the HTTPS client adapter)'),
    allow('noemie', ['core', 'internal', 'fse', 'ledger', 'returns'], 'noemie: core, internal, fse types, ledger port; returns only for the deprecated re-exports of 0.2.x'),
    allow('returns', ['core', 'noemie', 'ledger'], 'returns: core, noemie (formats), ledger port'),
    allow('adr', ['core', 'internal', 'insi'], 'adr: core, internal, insi (re-exported: the issue names adr for INSi; its XML wrapper); adr/node: the HTTPS adapter (undici)'),
    allow('reader', ['core'], 'reader (and reader/pcsc): core'),
    allow('signature', ['core'], 'signature: core'),
    allow('ledger', ['core'], 'ledger (and ledger/sqlite): core'),
    allow('dashboard', ['core', 'ledger', 'returns'], 'dashboard (tiers-payant follow-up page): core, ledger queries, returns (watchdog, rejects)'),
    allow('agent', ['core', 'rules', 'fse', 'ledger', 'reader', 'signature', 'returns', 'transport', 'dashboard'], 'agent (local HTTP API for web PMS): the engine modules it serves; node: and fastify allowed'),
    allow('transport', ['core', 'fse', 'ledger'], 'transport adapter: core, fse types, ledger (SQLite driver loader); node: and mail packages allowed'),
    {
      name: 'no-node-io-in-pure-modules',
      comment: 'pure modules never load node: I/O, native modules or the network; adapters live in reader/pcsc, ledger/sqlite, simulator, cli',
      severity: 'error',
      from: {
        path: `^src/(${PURE.join('|')})/`,
        pathNot: ['^src/reader/pcsc/', '^src/ledger/sqlite/', '^src/ledger/postgres/', '^src/insi/node/', '^src/adr/node/', '^src/adr/attestation/node/'],
      },
      to: { dependencyTypes: ['core'], pathNot: ['^node:crypto$', '^crypto$'] },
    },
    {
      name: 'webcrypto-in-reader-and-signature',
      comment: 'reader and signature use WebCrypto (globalThis.crypto.subtle) so their entries bundle for a browser (#10)',
      severity: 'error',
      from: { path: '^src/(reader|signature)/', pathNot: ['^src/reader/pcsc/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-native-in-pure-modules',
      severity: 'error',
      from: { path: `^src/(${PURE.join('|')})/`, pathNot: ['^src/reader/pcsc/', '^src/ledger/sqlite/', '^src/ledger/postgres/'] },
      to: { path: 'node_modules/(pcsclite|better-sqlite3|pg)/' },
    },
    {
      name: 'root-entry-is-pure',
      comment: "import … from 'sesam-billing' never loads an adapter",
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/(reader/pcsc|ledger/sqlite|ledger/postgres|insi/node|adr/node|transport|simulator|cli|agent)/' },
    },
    {
      name: 'root-entry-is-platform-neutral',
      comment: "import … from 'sesam-billing' bundles for a browser: nothing it reaches loads pkijs/asn1js, a node: builtin or a native module (issue #10 §4; test/package/bundle.test.ts checks the built output)",
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: {
        reachable: true,
        path: ['node_modules/(pkijs|asn1js|pcsclite|better-sqlite3|pg|nodemailer|imapflow|smtp-server)/', '^(node:)?(crypto|fs|path|os|child_process|net|http|https|stream|buffer|url|util|zlib|tls|events|worker_threads|module|readline|process)$'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
