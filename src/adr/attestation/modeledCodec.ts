/**
 * The MODELED default layout of the attestation's DataMatrix payload (the real one is not public:
 * Inter-AMC specifications are reserved to members). Text, `|`-separated:
 *
 *     ATP1|<n° AMC>|<type de convention>|<critère secondaire de routage, may be empty>|<n° adhérent>|<début AAAAMMJJ>|<fin AAAAMMJJ>
 *
 * `parse` is strict (one canonical text per attestation) so that `serialize ∘ parse` is the
 * identity on every payload it accepts, and `parse ∘ serialize` on every valid attestation.
 */
import type { PlainDate } from '../../core/date/index';
import { formatAaaammjj, parseAaaammjj } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { guardString, inputErr } from '../../core/guard/index';
import { ATTESTATION_CODES } from './codes';
import type { AttestationPayloadCodec, AttestationTiersPayant } from './model';
import { ATTESTATION_PATTERNS } from './model';
import { finish, validateAttestation } from './validate';

const issue = createIssueFactory(ATTESTATION_CODES);

/** Longest payload read (a DataMatrix holds at most 2 335 alphanumeric characters; an attestation, about 60). */
export const ATTESTATION_MAX_PAYLOAD = 2335;

const HEADER = 'ATP1';
const SEP = '|';
const DATE8 = /^\d{8}$/;

function modeledParse(payload: string): Result<AttestationTiersPayant> {
  const issues: Issue[] = [];
  const t = guardString(payload, [], issues, { max: ATTESTATION_MAX_PAYLOAD, expected: 'contenu du DataMatrix (texte)' });
  if (t === undefined) return inputErr(issues);
  const bad = (received: string): Result<never> => err(issue('ATTESTATION_PAYLOAD_FORMAT', { expected: HEADER, received }));
  const parts = t.split(SEP);
  if (parts[0] !== HEADER) return bad('en-tête absent');
  if (parts.length !== 7) return bad(`${parts.length} zones au lieu de 7`);
  const [, numeroAmc = '', typeConvention = '', critere = '', numeroAdherent = '', d1 = '', d2 = ''] = parts;
  if (!ATTESTATION_PATTERNS.numeroAmc.test(numeroAmc)) return bad('zone n° AMC');
  if (!ATTESTATION_PATTERNS.typeConvention.test(typeConvention)) return bad('zone type de convention');
  if (critere !== '' && !ATTESTATION_PATTERNS.critereSecondaireRoutage.test(critere)) return bad('zone critère secondaire');
  if (!ATTESTATION_PATTERNS.numeroAdherent.test(numeroAdherent)) return bad('zone n° adhérent');
  if (!DATE8.test(d1) || !DATE8.test(d2)) return bad('zone de date');
  const debut = parseAaaammjj(d1, ['periodeValidite', 'debut']);
  const fin = parseAaaammjj(d2, ['periodeValidite', 'fin']);
  if (!debut.ok || !fin.ok) return bad('date invalide');
  const a: AttestationTiersPayant = {
    numeroAmc,
    typeConvention,
    ...(critere === '' ? {} : { critereSecondaireRoutage: critere }),
    numeroAdherent,
    periodeValidite: { debut: debut.value, fin: fin.value },
  };
  return finish(a, undefined);
}

function modeledSerialize(attestation: AttestationTiersPayant): Result<string> {
  const r = validateAttestation(attestation);
  if (!r.ok) return r;
  const a = r.value;
  const year = (d: PlainDate): number => Number(d.slice(0, 4));
  const p = a.periodeValidite;
  if (year(p.debut) > 9999 || year(p.fin) > 9999) return err(issue('ATTESTATION_DATE_INVALID', { path: ['periodeValidite'], expected: 'AAAAMMJJ', received: p.fin }));
  return ok([HEADER, a.numeroAmc, a.typeConvention, a.critereSecondaireRoutage ?? '', a.numeroAdherent, formatAaaammjj(p.debut), formatAaaammjj(p.fin)].join(SEP));
}

/**
 * The default codec: MODELED layout `ATP1|AMC|convention|CSR|adhérent|AAAAMMJJ|AAAAMMJJ` (the real
 * layout is not public). Replace it with the layout of the AMC / Inter-AMC when a vendor has it.
 */
export const MODELED_ATTESTATION_CODEC: AttestationPayloadCodec = Object.freeze({
  id: 'sesam-billing modeled ATP1',
  parse: modeledParse,
  serialize: modeledSerialize,
});
