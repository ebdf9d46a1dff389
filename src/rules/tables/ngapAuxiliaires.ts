/**
 * NGAP of the auxiliaires médicaux, sages-femmes and chirurgiens-dentistes: the per-profession
 * tables of `./ngap/` combined into one table (kept for callers that load it by name).
 *
 * Each row is dated (no `validFrom: null`: history from 2023-01-01) and cites the convention or
 * avenant that sets it (arrêté / avis of approval with its JO date) or the official page
 * (ameli.fr, service-public.fr) that publishes it. Placeholders (`prix: null`) name what to
 * confirm. See each file for its sources and gaps.
 */
import type { TableTarifs } from '../referentiel';
import { NGAP_CHIRURGIENS_DENTISTES } from './ngap/chirurgiensDentistes';
import { NGAP_INFIRMIERS } from './ngap/infirmiers';
import { NGAP_MASSEURS_KINESITHERAPEUTES } from './ngap/masseursKinesitherapeutes';
import { NGAP_ORTHOPHONISTES } from './ngap/orthophonistes';
import { NGAP_ORTHOPTISTES } from './ngap/orthoptistes';
import { NGAP_PEDICURES_PODOLOGUES } from './ngap/pedicuresPodologues';
import { ngapTable } from './ngap/row';
import { NGAP_SAGES_FEMMES } from './ngap/sagesFemmes';

export { NGAP_CHIRURGIENS_DENTISTES } from './ngap/chirurgiensDentistes';
export { NGAP_INFIRMIERS } from './ngap/infirmiers';
export { NGAP_MASSEURS_KINESITHERAPEUTES } from './ngap/masseursKinesitherapeutes';
export { NGAP_ORTHOPHONISTES } from './ngap/orthophonistes';
export { NGAP_ORTHOPTISTES } from './ngap/orthoptistes';
export { NGAP_PEDICURES_PODOLOGUES } from './ngap/pedicuresPodologues';
export { NGAP_SAGES_FEMMES } from './ngap/sagesFemmes';

/** The per-profession NGAP tables (auxiliaires médicaux, sages-femmes, chirurgiens-dentistes). */
export const NGAP_AUXILIAIRES_TABLES: readonly TableTarifs[] = [
  NGAP_INFIRMIERS, NGAP_MASSEURS_KINESITHERAPEUTES, NGAP_SAGES_FEMMES, NGAP_ORTHOPHONISTES,
  NGAP_ORTHOPTISTES, NGAP_PEDICURES_PODOLOGUES, NGAP_CHIRURGIENS_DENTISTES,
];

/**
 * NGAP infirmiers, masseurs-kinésithérapeutes, sages-femmes, orthophonistes, orthoptistes,
 * pédicures-podologues and chirurgiens-dentistes in one table (the rows of
 * `NGAP_AUXILIAIRES_TABLES`). Load either this table or the per-profession ones (loaded after
 * them, its rows replace theirs: same code × key × dates).
 */
export const NGAP_AUXILIAIRES: TableTarifs = /* @__PURE__ */ ngapTable(
  'auxiliaires médicaux, sages-femmes et chirurgiens-dentistes',
  NGAP_AUXILIAIRES_TABLES.map((t) => t.source).join(' ; '),
  NGAP_AUXILIAIRES_TABLES.flatMap((t) => t.rows),
);
