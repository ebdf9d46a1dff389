/**
 * Vitale 2 identity data → typed beneficiaries with a validated NIR.
 *
 * Public part (ISO/IEC 7816-4 ; carte Vitale 2 (structure publique partielle), cardpeek/Rufus): tag 65 = one beneficiary template holding 80 nom,
 * 81 prénom, 82 date de naissance AAAAMMJJ ASCII, 90 nationalité, 93 NIR (15 ASCII); 66/80 =
 * card validity start. MODELED: which file holds which tags. Templates at the same index in
 * several files are merged field by field (first non-empty value wins), so the parser accepts
 * both an all-in-one file and the identity/NIR split read by Rufus (MF SFI 2 then VITALE SFI 2).
 * Rights (AMO/AMC) on the card are not public and are not read.
 */
import { parseAaaammjj } from '../../core/date/index';
import type { PlainDate } from '../../core/date/index';
import { guardArray, guardBytes, inputErr } from '../../core/guard/guard';
import { resultOf } from '../../core/issues/index';
import type { Issue, Result } from '../../core/issues/index';
import { readerIssue } from '../errors';
import { parseSimpleTlv } from '../tlv';
import type { Tlv } from '../tlv';
import { isValidNir } from './nir';

/** One beneficiary read from a Vitale card. */
export interface BeneficiaireCarte {
  /** 0-based order on the card (0 = the first template, usually the holder). */
  readonly rang: number;
  readonly nom: string;
  readonly prenom: string;
  /** Date of birth when it is a calendar date (lunar dates, e.g. day 00, stay in `dateNaissanceCarte`). */
  readonly dateNaissance?: PlainDate;
  /** Date of birth as written on the card (AAAAMMJJ). */
  readonly dateNaissanceCarte: string;
  /** NIR (15 characters, key checked). */
  readonly nir: string;
  readonly nationalite?: string;
}

/** Data read from a Vitale 2 card. */
export interface CarteVitale {
  readonly kind: 'vitale2';
  /** Tag 66/80: start of card validity, when present. */
  readonly debutValidite?: PlainDate;
  readonly beneficiaires: readonly BeneficiaireCarte[];
}

const latin1 = new TextDecoder('latin1');
const text = (t: Tlv | undefined): string => (t === undefined ? '' : latin1.decode(t.value).replace(/\0+$/, '').trim());

/**
 * Parses the identity files of a Vitale 2 card.
 *
 * @param files - Raw contents of the files read (simple TLVs, zero padded; at most 16).
 * @returns The card data; `CARD_NIR_INVALID`, `CARD_DATA_MISSING`, `APDU_MALFORMED` on bad data;
 *   a non-calendar birth date is a `CARD_DATE_INVALID` warning.
 */
export function parseCarteVitale(files: readonly Uint8Array[]): Result<CarteVitale> {
  const guardIssues: Issue[] = [];
  const list = guardArray(files, ['files'], guardIssues, { max: 16 });
  const bytes = list?.map((f, i) => guardBytes(f, ['files', i], guardIssues, { max: 65_536 }));
  if (bytes === undefined || guardIssues.length > 0) return inputErr(guardIssues);
  files = bytes as readonly Uint8Array[];
  const issues: Issue[] = [];
  const templates: Map<string, Tlv>[] = [];
  let debutValidite: PlainDate | undefined;
  files.forEach((bytes, f) => {
    const parsed = parseSimpleTlv(bytes);
    if (!parsed.ok) {
      issues.push(...parsed.issues.map((i) => ({ ...i, path: ['files', f, ...i.path] })));
      return;
    }
    let k = 0;
    for (const t of parsed.value) {
      if (t.tag === '65') {
        const slot = templates[k] ?? new Map<string, Tlv>();
        templates[k++] = slot;
        for (const c of t.children ?? []) if (!slot.has(c.tag) && c.value.length > 0) slot.set(c.tag, c);
      } else if (t.tag === '66') {
        const d = parseAaaammjj(text(t.children?.find((c) => c.tag === '80')), ['debutValidite']);
        if (d.ok) debutValidite = d.value;
      }
    }
  });
  if (templates.length === 0 && issues.length === 0) issues.push(readerIssue('CARD_DATA_MISSING', { expected: 'bénéficiaire (tag 65)', path: ['beneficiaires'] }));
  const beneficiaires = templates.map((slot, rang) => {
    const path = ['beneficiaires', rang];
    const nom = text(slot.get('80'));
    const prenom = text(slot.get('81'));
    const nir = text(slot.get('93')).replace(/\s/g, '');
    const dateNaissanceCarte = text(slot.get('82'));
    for (const [tag, v, name] of [['80', nom, 'nom'], ['81', prenom, 'prenom'], ['93', nir, 'nir']] as const) {
      if (v === '') issues.push(readerIssue('CARD_DATA_MISSING', { expected: `${name} (tag ${tag})`, path: [...path, name] }));
    }
    if (nir !== '' && !isValidNir(nir)) issues.push(readerIssue('CARD_NIR_INVALID', { received: `${nir.length} caractères`, path: [...path, 'nir'] }));
    const d = parseAaaammjj(dateNaissanceCarte, [...path, 'dateNaissance']);
    if (!d.ok) issues.push(readerIssue('CARD_DATE_INVALID', { severity: 'warning', received: dateNaissanceCarte, path: [...path, 'dateNaissance'] }));
    const nationalite = text(slot.get('90'));
    const b: BeneficiaireCarte = {
      rang,
      nom,
      prenom,
      dateNaissanceCarte,
      nir,
      ...(d.ok ? { dateNaissance: d.value } : {}),
      ...(nationalite === '' ? {} : { nationalite }),
    };
    return b;
  });
  const card: CarteVitale = { kind: 'vitale2', beneficiaires, ...(debutValidite === undefined ? {} : { debutValidite }) };
  return resultOf(card, issues);
}
