/**
 * fse bench: (1) build + serialize 1 000 000 invoices through the streaming writer, printing the
 * RSS growth (target < 64 MB); (2) serializing B2 records vs a raw Buffer write of the same
 * prebuilt record texts (target ≥ 50 %, ratio printed).
 */
import { plainDate } from '../src/core/date/index';
import { unwrap } from '../src/core/issues/index';
import { buildFse } from '../src/fse/build';
import { b2FactureOf } from '../src/fse/b2/fromFse';
import type { B2Facture } from '../src/fse/b2/file';
import { serializeB2Facture, streamB2File } from '../src/fse/b2/serialize';
import type { Fse } from '../src/fse/model';
import { INPUT } from '../test/fse/fixtures';
import { measure, report } from './harness';

const N = 1_000_000;
const PER_LOT = 999;

export default async function (): Promise<void> {
  const base: Fse = unwrap(buildFse(INPUT));
  const facture = (k: number): B2Facture => unwrap(b2FactureOf({ ...base, identification: { ...base.identification, numeroFacture: k + 1 } }));
  const first = facture(0);
  const debut = { type: '000' as const, typeEmetteur: 'TP' as const, numeroEmetteur: base.ps.numeroFacturation.padStart(14, '0'), typeDestinataire: 'AM', numeroDestinataire: '751', application: '', identificationFichier: '000001', dateCreationFichier: plainDate('2025-03-10'), norme: '', versionNorme: 'B2', longueurEnregistrement: 128 };
  function* lots() {
    for (let l = 0; l * PER_LOT < N; l++) {
      const n = Math.min(PER_LOT, N - l * PER_LOT);
      yield {
        debut: { type: '1' as const, numeroPs: base.ps.numeroFacturation, numeroOrganismeDestinataire: '751', numeroLot: (l % 999) + 1, nomRaisonSociale: 'DR TEST', versionNorme: '', dateCreationLot: plainDate('2025-03-10'), codeNorme: '', numeroVersionNorme: '000000', uniteMonetaire: 'E' as const, topCertification: 'S' as const },
        factures: (function* () { for (let k = 0; k < n; k++) yield facture(l * PER_LOT + k); })(),
      };
    }
  }
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let bytes = 0;
  let chunks = 0;
  const t0 = process.hrtime.bigint();
  for (const chunk of streamB2File(debut, lots(), { marquage: 'T' })) {
    bytes += chunk.length;
    if (++chunks % 200 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`  build + stream ${N.toLocaleString('fr-FR')} invoices: ${(bytes / 1e6).toFixed(0)} MB written in ${secs.toFixed(1)} s; RSS growth ${((peak - rss0) / 2 ** 20).toFixed(1)} MB (target < 64 MB)`);

  const prebuilt = [...Array(200)].map((_, k) => facture(k));
  const texts = prebuilt.map((f) => Buffer.from(unwrap(serializeB2Facture(f))).toString('latin1'));
  const out = Buffer.allocUnsafe(texts.reduce((n, t) => n + t.length, 0));
  const raw = measure('raw Buffer.write of prebuilt record texts (200 invoices)', () => {
    let at = 0;
    for (const t of texts) at += out.write(t, at, 'latin1');
    return at;
  }, { batch: 10 });
  const ours = measure('serializeB2Facture of the same 200 invoices', () => {
    let n = 0;
    for (const f of prebuilt) n += unwrap(serializeB2Facture(f)).length;
    return n;
  }, { batch: 10 });
  report([raw, ours], 'runs/s');
  console.log(`  serialize / raw write ratio: ${((ours.perSecond / raw.perSecond) * 100).toFixed(1)} % (target ≥ 50 %)`);
  void first;
}
