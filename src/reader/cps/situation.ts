/**
 * CPS "situation" files (3F00/0001/D120…D12F: PS identity, n° de facturation, convention,
 * spécialité). MODELED: their binary format is not public (read by the SESAM-Vitale API
 * `LireCartePS`, whose cahier des charges is licensed to vendors). This model uses simple TLVs: 80 type d'identification, 81 identifiant national,
 * 82 nom, 83 prénom, 84 n° de facturation (9 chars with key), 85 code conventionnel,
 * 86 code spécialité, 87 secteur d'activité. Replace `parseSituationPs` when the real format is licensed.
 */
import { guardBytes, guardInteger, inputErr } from '../../core/guard/guard';
import { resultOf } from '../../core/issues/index';
import type { Issue, Result } from '../../core/issues/index';
import { readerIssue } from '../errors';
import { parseSimpleTlv } from '../tlv';

/** One professional situation held by a CPS (modeled). */
export interface SituationPs {
  readonly index: number;
  readonly typeIdentification: string;
  readonly identifiantNational: string;
  readonly nom: string;
  readonly prenom: string;
  readonly numeroFacturation: string;
  readonly codeConventionnel: string;
  readonly codeSpecialite: string;
  readonly secteurActivite: string;
}

/** Paths of the 16 situation files. */
export const SITUATION_PATHS: readonly string[] = Array.from({ length: 16 }, (_, i) => `0001D12${i.toString(16).toUpperCase()}`);

const latin1 = new TextDecoder('latin1');

/**
 * Parses one (modeled) situation file.
 *
 * @param bytes - File content.
 * @param index - Situation number (0..15, default 0).
 * @returns The situation, or `CARD_DATA_MISSING` / `APDU_MALFORMED`.
 */
export function parseSituationPs(bytes: Uint8Array, index = 0): Result<SituationPs> {
  const guardIssues: Issue[] = [];
  const data = guardBytes(bytes, ['bytes'], guardIssues, { max: 65_536 });
  guardInteger(index, ['index'], guardIssues, { min: 0, max: 15 });
  if (data === undefined || guardIssues.length > 0) return inputErr(guardIssues);
  const parsed = parseSimpleTlv(data);
  if (!parsed.ok) return parsed;
  const get = (tag: string) => {
    const t = parsed.value.find((x) => x.tag === tag);
    return t === undefined ? '' : latin1.decode(t.value).trim();
  };
  const s: SituationPs = {
    index,
    typeIdentification: get('80'),
    identifiantNational: get('81'),
    nom: get('82'),
    prenom: get('83'),
    numeroFacturation: get('84'),
    codeConventionnel: get('85'),
    codeSpecialite: get('86'),
    secteurActivite: get('87'),
  };
  const issues: Issue[] = [];
  if (s.identifiantNational === '') issues.push(readerIssue('CARD_DATA_MISSING', { expected: 'identifiant national (81)', path: ['situations', index, 'identifiantNational'] }));
  if (s.numeroFacturation === '') issues.push(readerIssue('CARD_DATA_MISSING', { expected: 'n° de facturation (84)', path: ['situations', index, 'numeroFacturation'] }));
  return resultOf(s, issues);
}
