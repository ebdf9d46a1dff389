/**
 * Data of the fse benches: one built invoice varied per invoice (n°, NIR, amounts), the
 * generators of lots, and the serialize-vs-raw-write case of target (3) (bench/fse.bench.ts;
 * bench/fseDist*.bench.ts run the same case on the built package).
 */
import { plainDate } from '../src/core/date/index';
import { unwrap } from '../src/core/issues/index';
import { fromCentimes } from '../src/core/money/index';
import { buildFse } from '../src/fse/build';
import { b2FactureOf } from '../src/fse/b2/fromFse';
import type { B2Facture } from '../src/fse/b2/file';
import type { Record000, Record1 } from '../src/fse/b2/records/index';
import type { StreamLot, StreamOptions } from '../src/fse/b2/serialize';
import { streamB2File } from '../src/fse/b2/serialize';
import type { Fse } from '../src/fse/model';
import { makeNir } from '../test/arbitraries/ids';
import { INPUT } from '../test/fse/fixtures';
import { interleavedRatio } from './harness';

export const PER_LOT = 999;
const D = plainDate('2025-03-10');

/** Node's Buffer as the raw baseline uses it. */
export interface Latin1Buffer extends Uint8Array { latin1Write(text: string, offset: number): number }

export function renumber(f: B2Facture, numeroFacture: number): B2Facture {
  return {
    entete: { ...f.entete, numeroFacture },
    ...(f.amc !== undefined ? { amc: { ...f.amc, numeroFacture } } : {}),
    lignes: f.lignes.map((l) => ({ prestation: { ...l.prestation, numeroFacture } })),
    total: { ...f.total, numeroFacture },
  };
}

/** NIR (13 + key) of invoice k: every invoice has its own beneficiary (valid key). */
function nirOf(k: number): { nirAssure: string; cleNir: string } {
  const nir = makeNir({ sex: k % 2 === 0 ? 1 : 2, year: k % 100, month: 1 + (k % 12), ordre: 1 + (k % 999) });
  return { nirAssure: nir.slice(0, 13), cleNir: nir.slice(13, 15) };
}

const plus = (m: { centimes: number }, d: number): { centimes: number } => ({ centimes: m.centimes + d });

/**
 * Invoice k cloned from a template by object spread: its own n° facture, NIR and amounts (every
 * line's amounts + k % 5000 centimes, the type 5 totals kept equal to their lines). V8 gives a
 * spread clone 4 in-object properties and the rest in a separate property array (one more
 * memory indirection per field read), where the literals of `b2FactureOf` hold all of theirs
 * in-object: the serializer reads these clones markedly slower (the bench prints both).
 */
export function vary(f: B2Facture, k: number): B2Facture {
  const nir = nirOf(k);
  const numeroFacture = k + 1;
  const d = k % 5000;
  const p = { ...nir, numeroFacture };
  const lignes = f.lignes.map((l) => ({
    prestation: {
      ...l.prestation, ...p, prixUnitaire: plus(l.prestation.prixUnitaire, d), baseRemboursement: plus(l.prestation.baseRemboursement, d),
      montantHonoraires: plus(l.prestation.montantHonoraires, d), montantRemboursableAmo: plus(l.prestation.montantRemboursableAmo, d),
    },
  }));
  const n = f.lignes.length * d;
  return {
    entete: { ...f.entete, ...p },
    ...(f.amc !== undefined ? { amc: { ...f.amc, ...p } } : {}),
    lignes,
    total: { ...f.total, ...p, totalFacture: plus(f.total.totalFacture, n), totalRemboursableAmo: plus(f.total.totalRemboursableAmo, n) },
  };
}

/**
 * FSE k from the base one: its own n° facture, beneficiary NIR and line amounts (+ k % 5000
 * centimes); `b2FactureOf` then builds its records the way a PMS gets them (the records' type 5
 * totals follow the lines).
 */
export function varyFse(base: Fse, k: number): Fse {
  const d = k % 5000;
  const nir = makeNir({ sex: k % 2 === 0 ? 1 : 2, year: k % 100, month: 1 + (k % 12), ordre: 1 + (k % 999) });
  return {
    ...base,
    identification: { ...base.identification, numeroFacture: k + 1 },
    beneficiaire: { ...base.beneficiaire, nirAssure: nir },
    lignes: base.lignes.map((l) => ({
      ...l, prixUnitaire: fromCentimes(l.prixUnitaire.centimes + d), baseRemboursement: fromCentimes(l.baseRemboursement.centimes + d),
      montantAmo: fromCentimes(l.montantAmo.centimes + d), montantFacture: fromCentimes(l.montantFacture.centimes + d),
    })),
  };
}

export function* lotsOf(n: number, base: Fse, facture: (k: number) => B2Facture): Generator<StreamLot> {
  for (let l = 0; l * PER_LOT < n; l++) {
    const count = Math.min(PER_LOT, n - l * PER_LOT);
    const debut: Record1 = {
      type: '1', numeroPs: base.ps.numeroFacturation, numeroOrganismeDestinataire: '751', numeroLot: (l % 999) + 1, nomRaisonSociale: 'DR TEST',
      versionNorme: '', dateCreationLot: D, codeNorme: '', numeroVersionNorme: '000000', uniteMonetaire: 'E', topCertification: 'S',
    };
    yield { debut, factures: (function* () { for (let k = 0; k < count; k++) yield facture(l * PER_LOT + k); })() };
  }
}

/** The 000 record of a test file sent by the PS of `base`. */
export function fileHeaderOf(base: Fse): Record000 {
  return {
    type: '000', typeEmetteur: 'TP', numeroEmetteur: base.ps.numeroFacturation.padStart(14, '0'), typeDestinataire: 'AM', numeroDestinataire: '751',
    application: '', identificationFichier: '000001', dateCreationFichier: D, norme: '', versionNorme: 'B2', longueurEnregistrement: 128,
  };
}

/** The streaming writer of a build (src, dist ESM or dist CJS). */
export type Stream = typeof streamB2File;

/**
 * Case (3): 200 prebuilt varied invoices in one lot (records built by `b2FactureOf` from 200
 * FSE, or, `cloned`, copied from one by object spread: see {@link vary}), and the 128-byte texts of their records.
 */
export function serializeCase(cloned = false) {
  const base: Fse = unwrap(buildFse(INPUT));
  const built = (k: number): B2Facture => unwrap(b2FactureOf({ ...base, identification: { ...base.identification, numeroFacture: k + 1 } }));
  const template = built(0);
  const debut = fileHeaderOf(base);
  const prebuilt = [...Array(200)].map((_, k) => (cloned ? vary(template, k) : unwrap(b2FactureOf(varyFse(base, k)))));
  const lot = [...lotsOf(1, base, () => template)][0]!.debut;
  const file = (): StreamLot[] => [{ debut: lot, factures: prebuilt }];
  const whole = Buffer.concat([...streamB2File(debut, file(), { marquage: 'T' })]);
  const texts: string[] = [];
  for (let at = 0; at < whole.length; at += 128) texts.push(whole.toString('latin1', at, at + 128));
  const out = Buffer.allocUnsafe(whole.length) as unknown as Latin1Buffer;
  /** The baseline: a raw latin1Write of the prebuilt record texts into one reused buffer. */
  const writeRaw = (): number => {
    let at = 0;
    for (let i = 0; i < texts.length; i++) at += out.latin1Write(texts[i]!, at);
    return at;
  };
  return { base, built, template, debut, file, texts, writeRaw };
}

/**
 * Prints the serialize / raw write ratio of `run` measured in alternation (median of 9 rounds,
 * lowest-highest round) and its target.
 */
export function printAlternated(name: string, writeRaw: () => number, run: () => number, target = 'target ≥ 50 %'): void {
  const r = interleavedRatio(writeRaw, run);
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  console.log(`  ${name.padEnd(46)} ${pct(r.median)} (rounds ${pct(r.low)}-${pct(r.high)}; ${target})`);
}

/** Options of case (3): a reused chunk. */
export const REUSE: StreamOptions = { marquage: 'T', reuseChunk: true };
