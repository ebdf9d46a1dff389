/**
 * Demo stage "Droits" (issue #13 §4): the day starts with the patients' rights. The local
 * services (src/simulator/services: INSi, ADRi, Annuaire AMC, IDB, CLC over HTTPS with a client
 * certificate, test PKI made by openssl in a temporary folder removed at the end) answer:
 * INSi (identity) from the Vitale card data — or, for one patient, from the Vitale app (apCV
 * context read from a fictitious QR code) —, ADRi (AMO rights at the date of care, written into
 * the FSE by `markFseFromAdri`), and for the patients whose mutuelle is asked in tiers payant:
 * the attestation (its DataMatrix picture for the first guaranteed patient, text for the others), the Annuaire AMC, IDB, then CLC on the
 * priced décompte (see ./guarantee). Without openssl the stage is skipped with its reason.
 *
 * @see ameli.fr « ADRi : acquisition des droits intégrée » ; « L’application carte Vitale » ; Association Inter-AMC, attestation de tiers payant harmonisée ; Projet ROC (IDB / CLC)
 */
import type { PlainDate } from '../../core/date/index';
import { maskNir, unwrap } from '../../core/issues/index';
import type { AmcResolue, ApcvContexte, DemandeAmcBase, DroitsAdri, Guarantee, InsiResult } from '../../adr/index';
import { acquireApcvContexte } from '../../adr/index';
import type { AdrClient, ServiceTransport } from '../../adr/node/index';
import { createAdrClient, createInsiClient, createServiceTransport } from '../../adr/node/index';
import type { AttestationTiersPayant } from '../../dre/index';
import type { BeneficiaireCarte } from '../../reader/index';
import type { LocalServices, TestPki } from '../../simulator/services/index';
import { ADHERENTS, AMC_TEST, createTestPki, hasOpenssl, startLocalServices } from '../../simulator/services/index';
import type { CliIo } from '../io';
import { renderTable } from '../table';
import type { AttestationImageReaderAsync, AttestationLue } from './attestation';
import { createAttestationImageReader, formatAttestationText, loadDemoAttestationImage, readAttestation, readAttestationFromImage } from './attestation';

/** What the stage learnt about one patient of the day (by invoice index). */
export interface DroitsPatient extends PatientDuJour {
  readonly droits?: DroitsAdri;
  /** The apCV context (its token is never printed). */
  readonly apcv?: ApcvContexte;
  readonly attestation?: AttestationTiersPayant;
  readonly amc?: AmcResolue;
  readonly referenceIdb?: string;
}

/** The stage's outcome, handed to the CLC step and the FSE stage. */
export interface RightsStage {
  readonly patients: ReadonlyMap<number, DroitsPatient>;
  /** CLC outcomes by invoice index (filled by `runGuaranteeStep`). */
  readonly guarantees: Map<number, Guarantee>;
  readonly adr: AdrClient;
  readonly day: PlainDate;
  /** Reads the Vitale app again (a new context per invoice, before securing). */
  readonly renewApcv: (index: number) => ApcvContexte | undefined;
  /** Stops the services and removes the test PKI folder. */
  close(): Promise<void>;
}

/** One patient of the day as the demo knows it. */
export interface PatientDuJour {
  readonly nir: string;
  readonly dateNaissance: PlainDate;
  /** N° de facturation of the invoice's PS (IDB / CLC requests). */
  readonly ps: string;
  /** Asked tiers payant on the AMC part (the priced invoice says so). */
  readonly tiersPayantAmc: boolean;
  /** Has a mutuelle (an AMC formula on the invoice). */
  readonly mutuelle: boolean;
}

/** The patient who shows the Vitale app instead of the card. */
export const APCV_PATIENT = 2;
/** The patient whose mutuelle gives no guarantee (the patient pays the AMC part). */
export const NON_GARANTI_PATIENT = 4;

/** Fictitious QR payload of the Vitale app (modeled: the JSON text of the context). */
const qrPayload = (day: PlainDate, n: number, fin: string): string => JSON.stringify({ identifiant: `APCV-DEMO-${n}`, token: `demo-token-${n}-not-a-secret`, dateFinValidite: `${day}T${fin}:00+01:00` });

/** The attestation each tiers-payant patient hands over (fictitious AMC of the local services). */
function attestationText(index: number, day: PlainDate): string {
  const adherent = index === NON_GARANTI_PATIENT ? ADHERENTS.non_garanti : ADHERENTS.garanti;
  return formatAttestationText({ numeroAmc: AMC_TEST.numeroAmc, typeConvention: AMC_TEST.typeConvention, critereSecondaireRoutage: AMC_TEST.critereSecondaireRoutage, numeroAdherent: adherent, periodeValidite: { debut: `${day.slice(0, 4)}-01-01` as PlainDate, fin: `${day.slice(0, 4)}-12-31` as PlainDate } });
}

const insiText = (r: { ok: true; value: InsiResult } | { ok: false; issues: readonly { code: string }[] }): string =>
  r.ok ? (r.value.codeCr === '00' ? `00 INS ${maskNir(r.value.identite.ins.matricule)}` : `${r.value.codeCr} aucune identité unique`) : r.issues[0]?.code ?? '?';

/** The local services of a run (test PKI, HTTPS services, the client transport), shared by its days. */
export interface RightsServices {
  readonly services: LocalServices;
  readonly tls: { readonly cert: string; readonly key: string; readonly ca: string };
  readonly adr: AdrClient;
  /** Stops the services and removes the test PKI folder. */
  close(): Promise<void>;
}

/**
 * Starts the local services (test PKI made by openssl in a temporary folder, HTTPS services, client transport).
 *
 * @returns The services, or why they are not available (no openssl, a start failure).
 */
export async function openRightsServices(): Promise<{ ok: true; value: RightsServices } | { ok: false; reason: string }> {
  if (!hasOpenssl()) return { ok: false, reason: 'openssl est absent (il fabrique la PKI de test des services locaux) ; les DRE partent sans garantie CLC' };
  let pki: TestPki | undefined;
  let services: LocalServices | undefined;
  let transport: ServiceTransport | undefined;
  const close = async (): Promise<void> => {
    await transport?.close();
    await services?.close();
    pki?.dispose();
  };
  try {
    pki = createTestPki();
    services = await startLocalServices({ pki });
    const tls = { ...pki.client, ca: pki.ca };
    transport = unwrap(createServiceTransport({ tls, timeoutMs: 10_000, retries: 1, backoffMs: 50 }));
    const adr = unwrap(createAdrClient({ transport, adriUrl: services.urls.adri, annuaireUrl: services.urls.annuaire }));
    return { ok: true, value: { services, tls, adr, close } };
  } catch (cause) {
    await close();
    return { ok: false, reason: `services locaux indisponibles (${cause instanceof Error ? cause.message : String(cause)})` };
  }
}

/**
 * Runs the stage.
 *
 * @param io - Output.
 * @param options - The day, its patients (by invoice index) and the Vitale card's bénéficiaire (patient 0).
 * @returns The rights, or `undefined` when the stage is skipped (no openssl, or the services do not start).
 */
export async function runRightsStage(io: CliIo, options: { day: PlainDate; patients: readonly PatientDuJour[]; carte?: BeneficiaireCarte; shared?: RightsServices; quiet?: boolean }): Promise<RightsStage | undefined> {
  const say = options.quiet === true ? (): void => undefined : (t: string): void => io.out(t);
  say('\n━━ 1 bis. Droits : INSi, ADRi, appli carte Vitale, attestation mutuelle, Annuaire AMC, IDB ━━\n');
  let opened: RightsServices | undefined = options.shared;
  const close = async (): Promise<void> => {
    // Services shared across days are closed by their owner.
    if (options.shared === undefined) await opened?.close();
  };
  try {
    if (opened === undefined) {
      const o = await openRightsServices();
      if (!o.ok) {
        say(`  étape sautée : ${o.reason}\n`);
        return undefined;
      }
      opened = o.value;
    }
    const { services, tls, adr } = opened;
    const at = `${options.day}T09:00:00+01:00`;
    const insi = unwrap(createInsiClient({ url: services.urls.insi, tls, contexte: { emetteur: 'DEMO-CABINET', idam: 'DEMO0001', version: '1.0', nomLogiciel: 'sesam-billing demo', instance: '00000000-0000-4000-8000-00000000d013' }, timeoutMs: 10_000, clock: () => at }));
    say(`  Services locaux ${services.baseUrl} (HTTPS, certificat client de la PKI de test) — données fictives\n`);
    const patients = new Map<number, DroitsPatient>();
    const rows: string[][] = [];
    let apcvRead = 0;
    const renewApcv = (index: number): ApcvContexte | undefined => {
      if (!patients.get(index)?.apcv) return undefined;
      const ctx = acquireApcvContexte({ canal: 'qr', payload: qrPayload(options.day, ++apcvRead, '18:15') });
      return ctx.ok ? ctx.value : undefined;
    };
    // The first patient with a guarantee hands over the attestation's picture (its DataMatrix read by
    // the library's zxing-wasm reader); the others, and any failure, the text form.
    const picture = loadDemoAttestationImage();
    let imageReader: AttestationImageReaderAsync | undefined;
    if (picture !== undefined) {
      const made = await createAttestationImageReader({ today: options.day });
      if (made.ok) imageReader = made.value;
    }
    let pictureUsed = false;
    for (const [i, p] of options.patients.entries()) {
      const card = i === 0 ? options.carte : undefined;
      let support = 'Vitale';
      let apcv: ApcvContexte | undefined;
      if (i === APCV_PATIENT) {
        const ctx = acquireApcvContexte({ canal: 'qr', payload: qrPayload(options.day, ++apcvRead, '09:15') });
        if (ctx.ok) {
          apcv = ctx.value;
          support = `apCV ${ctx.value.identifiant} (QR, valable jusqu’à ${ctx.value.dateFinValidite.slice(11, 16)})`;
        }
      }
      const r = await insi.rechercher({ mode: 'carte', nirOuvrantDroit: p.nir, dateNaissance: p.dateNaissance, rangNaissance: 1, ...(card ? { nomNaissance: card.nom } : {}) }, { messageId: `uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` });
      const a = await adr.consulter({ nir: p.nir, dateNaissance: p.dateNaissance, dateSoins: options.day });
      const droits = a.ok ? a.value : undefined;
      const adriText = droits ? `${droits.codeRegime} ${droits.codeCaisse} ${droits.centrePrestation}${droits.medecinTraitant ? ', MT déclaré' : ''}` : a.issues[0]?.code ?? '?';
      let amcText = p.mutuelle ? 'mutuelle hors tiers payant' : '—';
      const entry: { -readonly [K in keyof DroitsPatient]: DroitsPatient[K] } = { ...p, ...(droits ? { droits } : {}), ...(apcv ? { apcv } : {}) };
      if (p.tiersPayantAmc || i === NON_GARANTI_PATIENT) {
        let lue: AttestationLue;
        if (!pictureUsed && i !== NON_GARANTI_PATIENT && picture !== undefined && imageReader !== undefined) {
          pictureUsed = true;
          lue = await readAttestationFromImage({ image: picture, text: attestationText(i, options.day) }, imageReader);
        } else lue = readAttestation({ text: attestationText(i, options.day) });
        if (!lue.ok) amcText = lue.reason;
        else {
          entry.attestation = lue.value;
          const amc = await adr.rechercherAmc(lue.value, { dateSoins: options.day });
          if (!amc.ok) amcText = `Annuaire : ${amc.issues[0]?.code ?? '?'}`;
          else {
            entry.amc = amc.value;
            const idb = await adr.idb(amc.value, demandeOf(entry, options.day));
            if (idb.ok && idb.value.ouverts) entry.referenceIdb = idb.value.reference;
            amcText = `attestation (${lue.support}) AMC ${lue.value.numeroAmc} adh. ${lue.value.numeroAdherent} → ${amc.value.entree.nom ?? 'AMC'} ; IDB ${idb.ok ? (idb.value.ouverts ? 'droits ouverts' : 'droits fermés') : idb.issues[0]?.code ?? '?'}`;
          }
        }
      }
      patients.set(i, entry);
      rows.push([String(i + 1), maskNir(p.nir), support, insiText(r), adriText, amcText]);
    }
    say(renderTable([{ title: 'n°', align: 'right' }, { title: 'NIR' }, { title: 'lu sur' }, { title: 'INSi' }, { title: 'ADRi (régime caisse centre)' }, { title: 'AMC' }], rows));
    // The local INSi knows one public-test-like identity (scripted by the service): a search by traits shows a 00 answer.
    const test = await insi.rechercher({ mode: 'traits', nomNaissance: 'UN', prenoms: ['JEANNE'], sexe: 'F', dateNaissance: '1979-03-28' }, { messageId: 'uuid:00000000-0000-4000-8000-0000000000ff' });
    if (test.ok && test.value.codeCr === '00') {
      const t = test.value.identite.traits;
      say(`  INSi par traits (identité de test du service local) : ${insiText(test)} (${test.value.identite.ins.type}), ${t.nomNaissance} ${t.listePrenoms}, ${t.sexe}, né(e) le ${t.dateNaissance}\n`);
    }
    say('  INSi : 01 = le service local ne connaît que son identité de test (les patients de la démo sont fictifs) ; ADRi : droits au jour des soins, repris dans la FSE (garantie de paiement)\n');
    return { patients, guarantees: new Map(), adr, day: options.day, renewApcv, close };
  } catch (cause) {
    await close();
    say(`  étape sautée : services locaux indisponibles (${cause instanceof Error ? cause.message : String(cause)})\n`);
    return undefined;
  }
}

/**
 * The common part of the IDB / CLC requests of a patient.
 *
 * @param p - The patient and its attestation.
 * @param day - Date of care.
 * @returns The request base.
 */
export function demandeOf(p: Pick<DroitsPatient, 'attestation' | 'nir' | 'dateNaissance' | 'ps'>, day: PlainDate): DemandeAmcBase {
  return { cle: p.attestation ?? { numeroAmc: '', typeConvention: '' }, beneficiaire: { nir: p.nir, dateNaissance: p.dateNaissance }, numeroFacturation: p.ps, dateSoins: day };
}
