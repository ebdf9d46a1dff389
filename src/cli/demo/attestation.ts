/**
 * Demo: the mutuelle's « attestation de tiers payant harmonisée » read as text (the 5 fields the
 * Association Inter-AMC lists: n° AMC, type de convention, critère secondaire de routage, n°
 * d'adhérent, période de validité). The printed labels below are how the demo writes them; the
 * DataMatrix payload layout is not public (modeled).
 *
 * The image: {@link readAttestationFromImage} reads the DataMatrix of a picture through the
 * library's reader (`readAttestationImage` of sesam-billing/adr, zxing-wasm decoder of
 * sesam-billing/adr/node); the demo's picture is data/demo/attestation-tiers-payant.png
 * ({@link DEMO_ATTESTATION_IMAGE}), a fictitious attestation made once by
 * scripts/make-demo-attestation.mts (bwip-js, modeled payload layout). The text form stays the
 * fallback when the picture cannot be read.
 *
 * @see Association Inter-AMC, attestation de tiers payant harmonisée (5 champs)
 */
import type { PlainDate } from '../../core/date/index';
import { parsePlainDate } from '../../core/date/index';
import type { AttestationTiersPayant } from '../../dre/index';
import { readAttestationImage } from '../../adr/attestation/index';
import type { DataMatrixDecoder } from '../../adr/attestation/index';
import { createNodeZxingDecoder } from '../../adr/attestation/node/index';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo's attestation picture, inside the data folder (fictitious: AMC 99999990 of the local services, adhérent 10000001). */
export const DEMO_ATTESTATION_IMAGE = 'demo/attestation-tiers-payant.png';

/** Pluggable reader of the attestation's DataMatrix image (src/adr/attestation, to come). */
export type AttestationImageReader = (image: Uint8Array) => { readonly ok: true; readonly value: AttestationTiersPayant } | { readonly ok: false; readonly reason: string };

/** What a read gives: the fields, or why not (never throws). */
export type AttestationLue = { readonly ok: true; readonly value: AttestationTiersPayant; readonly support: 'texte' | 'image' } | { readonly ok: false; readonly reason: string };

const LABELS = {
  numeroAmc: /^N° AMC\s*:\s*([0-9A-Z]{1,10})$/m,
  typeConvention: /^Type de convention\s*:\s*([0-9A-Z]{1,4})$/m,
  critereSecondaireRoutage: /^Critère secondaire de routage\s*:\s*([0-9A-Z]{0,10})$/m,
  numeroAdherent: /^N° adhérent\s*:\s*([0-9A-Z]{1,15})$/m,
  periodeValidite: /^Période de validité\s*:\s*du (\d{2})\/(\d{2})\/(\d{4}) au (\d{2})\/(\d{2})\/(\d{4})$/m,
} as const;

const dateOf = (j = '', m = '', a = ''): PlainDate | undefined => {
  const r = parsePlainDate(`${a}-${m}-${j}`);
  return r.ok ? r.value : undefined;
};

/**
 * Writes the text form of an attestation (what the demo's fictitious mutuelle prints).
 *
 * @param a - The 5 fields.
 * @returns The text, one field per line.
 */
export function formatAttestationText(a: AttestationTiersPayant): string {
  const fr = (d: PlainDate): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return [
    `N° AMC : ${a.numeroAmc}`,
    `Type de convention : ${a.typeConvention}`,
    `Critère secondaire de routage : ${a.critereSecondaireRoutage ?? ''}`,
    `N° adhérent : ${a.numeroAdherent}`,
    ...(a.periodeValidite ? [`Période de validité : du ${fr(a.periodeValidite.debut)} au ${fr(a.periodeValidite.fin)}`] : []),
  ].join('\n');
}

/**
 * Reads the attestation: the image through the hook when there is one, else the text.
 *
 * @param lecture - `{ text }` and/or `{ image }` as the patient handed them.
 * @param readImage - The DataMatrix reader (absent until src/adr/attestation lands).
 * @returns The 5 fields, or the reason the attestation cannot be read.
 */
export function readAttestation(lecture: { readonly text?: string; readonly image?: Uint8Array }, readImage?: AttestationImageReader): AttestationLue {
  const l: { readonly text?: unknown; readonly image?: unknown } = typeof lecture === 'object' && lecture !== null ? lecture : {};
  if (readImage !== undefined && l.image instanceof Uint8Array) {
    try {
      const r = readImage(l.image);
      if (r.ok) return { ok: true, value: r.value, support: 'image' };
    } catch {
      // An image that cannot be decoded: fall back to the text.
    }
  }
  const text = typeof l.text === 'string' && l.text.length <= 2000 ? l.text : '';
  const amc = LABELS.numeroAmc.exec(text)?.[1];
  const tc = LABELS.typeConvention.exec(text)?.[1];
  const adh = LABELS.numeroAdherent.exec(text)?.[1];
  if (amc === undefined || tc === undefined || adh === undefined) return { ok: false, reason: 'attestation illisible (n° AMC, type de convention ou n° adhérent manquant)' };
  const csr = LABELS.critereSecondaireRoutage.exec(text)?.[1];
  const p = LABELS.periodeValidite.exec(text);
  const debut = p ? dateOf(p[1], p[2], p[3]) : undefined;
  const fin = p ? dateOf(p[4], p[5], p[6]) : undefined;
  if (p && (debut === undefined || fin === undefined)) return { ok: false, reason: 'période de validité illisible' };
  return {
    ok: true,
    support: 'texte',
    value: { numeroAmc: amc, typeConvention: tc, numeroAdherent: adh, ...(csr ? { critereSecondaireRoutage: csr } : {}), ...(debut && fin ? { periodeValidite: { debut, fin } } : {}) },
  };
}

/** Async reader of the attestation's DataMatrix image (the library's zxing-wasm reader). */
export type AttestationImageReaderAsync = (image: Uint8Array) => Promise<{ readonly ok: true; readonly value: AttestationTiersPayant } | { readonly ok: false; readonly reason: string }>;

/**
 * The library's DataMatrix reader as the demo's image reader: `readAttestationImage` with the
 * Node zxing-wasm decoder, the period checked on `today` when given.
 *
 * @param options - `today` (the demo's day), `decoder` (default: `createNodeZxingDecoder()`).
 * @returns The reader, or the reason it cannot be made (zxing-wasm binary missing).
 */
export async function createAttestationImageReader(options: { readonly today?: PlainDate; readonly decoder?: DataMatrixDecoder } = {}): Promise<{ readonly ok: true; readonly value: AttestationImageReaderAsync } | { readonly ok: false; readonly reason: string }> {
  let decoder = options.decoder;
  if (decoder === undefined) {
    const d = await createNodeZxingDecoder();
    if (!d.ok) return { ok: false, reason: `lecteur DataMatrix indisponible (${d.issues[0]?.code ?? '?'})` };
    decoder = d.value;
  }
  const dec = decoder;
  return {
    ok: true,
    value: async (image) => {
      const r = await readAttestationImage(image, { decoder: dec, ...(options.today !== undefined ? { today: options.today } : {}) });
      return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.issues.map((i) => i.code).join(', ') };
    },
  };
}

/**
 * Reads the attestation from its picture through `readImage`, else from its text.
 *
 * @param lecture - `{ image }` (PNG / JPEG bytes) and/or `{ text }`.
 * @param readImage - From {@link createAttestationImageReader}.
 * @returns The 5 fields with their support (`image` or `texte`), or why the attestation cannot be read.
 */
export async function readAttestationFromImage(lecture: { readonly text?: string; readonly image?: Uint8Array }, readImage: AttestationImageReaderAsync): Promise<AttestationLue> {
  const l: { readonly text?: unknown; readonly image?: unknown } = typeof lecture === 'object' && lecture !== null ? lecture : {};
  let reason = 'pas d’image';
  if (l.image instanceof Uint8Array) {
    try {
      const r = await readImage(l.image);
      if (r.ok) return { ok: true, value: r.value, support: 'image' };
      reason = r.reason;
    } catch {
      reason = 'image illisible';
    }
  }
  if (typeof l.text === 'string') return readAttestation({ text: l.text });
  return { ok: false, reason: `attestation illisible (${reason})` };
}

/**
 * The bytes of the demo's attestation picture: data/{@link DEMO_ATTESTATION_IMAGE} of the
 * source tree, looked up from this module's folder upwards (the same from src/ under tsx and
 * from dist/ once built); undefined when the package is installed without its data folder.
 *
 * @returns The PNG bytes, or undefined.
 */
export function loadDemoAttestationImage(): Uint8Array | undefined {
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let k = 0; k < 6; k++) {
      const file = join(dir, 'data', DEMO_ATTESTATION_IMAGE);
      if (existsSync(file)) return new Uint8Array(readFileSync(file));
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  } catch {
    // No picture: the text form is read instead.
  }
  return undefined;
}
