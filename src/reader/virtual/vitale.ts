/**
 * Virtual Vitale 2 card (T=0, ATR `3B 75 13 00 00 47 09 EA 90 00`).
 *
 * Files (the tags are public, ISO/IEC 7816-4 ; carte Vitale 2 (structure publique partielle); the split between files is MODELED after Rufus's read
 * path): MF / SFI 2 = identity (66{80 début de validité}, then one 65{80 nom, 81 prénom,
 * 82 naissance AAAAMMJJ, 90 nationalité} per beneficiary); application VITALE / SFI 2 = one
 * 65{93 NIR} per beneficiary, same order; application MF_VITALE with EF 2F00 (DIR). Files are
 * zero padded. No rights/AMC data (not public).
 */
import { field, guardArray, guardBytes, guardObject, guardString } from '../../core/guard/guard';
import type { Issue, IssuePath } from '../../core/issues/index';
import { arg } from '../assert';
import { concatBytes, hexBytes } from '../hex';
import { serializeSimpleTlv } from '../tlv';
import { MF_VITALE_AID, VITALE_AID } from '../vitale/readCarteVitale';
import { createFileCard } from './engine';
import type { VirtualCard } from './engine';

/** One beneficiary written on a virtual Vitale card (fictitious data only). */
export interface VirtualBeneficiaire {
  readonly nom: string;
  readonly prenom: string;
  /** AAAAMMJJ. */
  readonly dateNaissance: string;
  /** 15 characters, with key. */
  readonly nir: string;
  readonly nationalite?: string;
}

/** Options of `createVirtualVitale`. */
export interface VirtualVitaleOptions {
  readonly beneficiaires: readonly VirtualBeneficiaire[];
  /** AAAAMMJJ (tag 66/80). */
  readonly debutValidite?: string;
  readonly atr?: Uint8Array;
}

/** Default ATR of the virtual Vitale 2 (pcsc-tools list: "Carte Vitale"). */
export const VIRTUAL_VITALE_ATR = hexBytes('3B 75 13 00 00 47 09 EA 90 00');

const ascii = (s: string) => new TextEncoder().encode(s);
const pad = (b: Uint8Array, extra = 16) => concatBytes(b, new Uint8Array(extra));

/**
 * Creates a virtual Vitale 2 card.
 *
 * @param o - Beneficiaries (fictitious), validity date, ATR.
 * @returns The card.
 * @throws SesamError `ASSERTION` for malformed options (each field at most 255 bytes, ≤ 16 beneficiaries).
 */
export function createVirtualVitale(o: VirtualVitaleOptions): VirtualCard {
  arg(o, 'options', guardVirtualVitaleOptions);
  const identity = pad(
    concatBytes(
      serializeSimpleTlv('66', serializeSimpleTlv('80', ascii(o.debutValidite ?? '20240101'))),
      ...o.beneficiaires.map((b) =>
        serializeSimpleTlv(
          '65',
          serializeSimpleTlv('80', ascii(b.nom)),
          serializeSimpleTlv('81', ascii(b.prenom)),
          serializeSimpleTlv('82', ascii(b.dateNaissance)),
          ...(b.nationalite === undefined ? [] : [serializeSimpleTlv('90', ascii(b.nationalite))]),
        ),
      ),
    ),
  );
  const nirs = pad(concatBytes(...o.beneficiaires.map((b) => serializeSimpleTlv('65', serializeSimpleTlv('93', ascii(b.nir))))));
  return createFileCard({
    atr: o.atr ?? VIRTUAL_VITALE_ATR,
    label: 'Vitale 2 (virtuelle)',
    t0: true,
    mf: {
      fid: '3F00',
      efs: [{ fid: '2002', sfi: 2, data: identity }],
      dfs: [
        { aid: VITALE_AID, efs: [{ fid: '2002', sfi: 2, data: nirs }], dfs: [] },
        { aid: MF_VITALE_AID, efs: [{ fid: '2F00', data: concatBytes(Uint8Array.of(0x61, 0x0d, 0x4f, 0x0b), VITALE_AID) }], dfs: [] },
      ],
    },
  });
}

/** Guard (shared style) of `VirtualVitaleOptions`. */
function guardVirtualVitaleOptions(v: unknown, path: IssuePath, issues: Issue[]): VirtualVitaleOptions | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  const list = guardArray(field(o, 'beneficiaires'), [...path, 'beneficiaires'], issues, { max: 16 });
  list?.forEach((b, i) => {
    const bo = guardObject(b, [...path, 'beneficiaires', i], issues);
    if (bo === undefined) return;
    for (const k of ['nom', 'prenom', 'dateNaissance', 'nir'] as const) guardString(field(bo, k), [...path, 'beneficiaires', i, k], issues, { max: 60 });
    guardString(field(bo, 'nationalite'), [...path, 'beneficiaires', i, 'nationalite'], issues, { max: 60, required: false });
  });
  guardString(field(o, 'debutValidite'), [...path, 'debutValidite'], issues, { required: false, pattern: /^[0-9]{8}$/, expected: 'date AAAAMMJJ' });
  guardBytes(field(o, 'atr'), [...path, 'atr'], issues, { required: false, max: 33 });
  return issues.length === before ? (o as unknown as VirtualVitaleOptions) : undefined;
}
