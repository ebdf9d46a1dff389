// Target (3) of the fse bench on the built package, in plain node: see fseDist.bench.ts.
// Usage: node bench/fseDistRun.mjs esm|cjs case.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [build, data] = process.argv.slice(2);
const url = new URL(`../dist/fse/index.${build === 'cjs' ? 'cjs' : 'js'}`, import.meta.url);
const lib = build === 'cjs' ? createRequire(import.meta.url)(url.pathname) : await import(url.href);
const { input, nirs } = JSON.parse(readFileSync(data, 'utf8'));
const unwrap = (r) => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues[0]));
  return r.value;
};
const base = unwrap(lib.buildFse(input));
const money = (m, d) => ({ centimes: m.centimes + d });
/** FSE k: its own n° facture, NIR and line amounts (as bench/fseData.ts varyFse). */
const fseOf = (k) => {
  const d = k % 5000;
  return {
    ...base,
    identification: { ...base.identification, numeroFacture: k + 1 },
    beneficiaire: { ...base.beneficiaire, nirAssure: nirs[k] },
    lignes: base.lignes.map((l) => ({
      ...l, prixUnitaire: money(l.prixUnitaire, d), baseRemboursement: money(l.baseRemboursement, d), montantAmo: money(l.montantAmo, d), montantFacture: money(l.montantFacture, d),
    })),
  };
};
const factures = nirs.map((_, k) => unwrap(lib.b2FactureOf(fseOf(k))));
const D = base.identification.dateFacturation;
const debut = {
  type: '000', typeEmetteur: 'TP', numeroEmetteur: base.ps.numeroFacturation.padStart(14, '0'), typeDestinataire: 'AM', numeroDestinataire: '751',
  application: '', identificationFichier: '000001', dateCreationFichier: D, norme: '', versionNorme: 'B2', longueurEnregistrement: 128,
};
const lot = {
  type: '1', numeroPs: base.ps.numeroFacturation, numeroOrganismeDestinataire: '751', numeroLot: 1, nomRaisonSociale: 'DR TEST',
  versionNorme: '', dateCreationLot: D, codeNorme: '', numeroVersionNorme: '000000', uniteMonetaire: 'E', topCertification: 'S',
};
const file = () => [{ debut: lot, factures }];
const whole = Buffer.concat([...lib.streamB2File(debut, file(), { marquage: 'T' })]);
const texts = [];
for (let at = 0; at < whole.length; at += 128) texts.push(whole.toString('latin1', at, at + 128));
const out = Buffer.allocUnsafe(whole.length);
const raw = () => {
  let at = 0;
  for (let i = 0; i < texts.length; i++) at += out.latin1Write(texts[i], at);
  return at;
};
const reuse = { marquage: 'T', reuseChunk: true };
const ours = () => {
  let n = 0;
  for (const chunk of lib.streamB2File(debut, file(), reuse)) n += chunk.length;
  return n;
};
/** Runs per second of `fn` over `ms` (after a warm-up). */
function rate(fn, ms = 150) {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(ms) * 1_000_000n;
  let now = t0;
  while (now < end) {
    for (let i = 0; i < 20; i++) fn();
    n += 20;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - t0) / 1e9);
}
const ratios = [];
for (let r = 0; r < 9; r++) {
  const a = rate(raw);
  const b = rate(ours);
  const c = rate(raw);
  ratios.push(b / ((a + c) / 2));
}
ratios.sort((x, y) => x - y);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const name = `dist/fse/index.${build === 'cjs' ? 'cjs' : 'js'} in plain node, serialize / raw write`;
console.log(`  ${name.padEnd(58)} ${pct(ratios[4])} (rounds ${pct(ratios[0])}-${pct(ratios[8])}; target ≥ 50 %)`);
