import { junkValues, outcomeOf } from '../test/helpers/junk';
const entries: Record<string, string> = { core: 'core', rules: 'rules', fse: 'fse', ledger: 'ledger', noemie: 'noemie', returns: 'returns', reader: 'reader', signature: 'signature', simulator: 'simulator' };
const seen = new Set<string>();
for (const e of Object.keys(entries)) {
  const mod = await import(`../src/${e}/index.ts`);
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn !== 'function' || /^class[\s{]/.test(Function.prototype.toString.call(fn))) continue;
    if (seen.has(name)) continue; seen.add(name);
    let sample = ''; let n = 0;
    for (const j of junkValues()) for (const args of [[j], [j, j], [j, j, j]]) {
      const o = await outcomeOf(fn as any, args, 300);
      if (o.kind === 'crash' || o.kind === 'hang') { n++; if (!sample) sample = o.kind === 'hang' ? 'hang' : String((o.error as Error)?.message).slice(0, 80); }
    }
    if (n) console.log(`${e}\t${name}\t${n}\t${sample}`);
  }
}
process.exit(0);
