/**
 * CCAM — acts known to the default référentiel.
 *
 * Source: CCAM, CNAM (ameli.fr) ; NGAP (ameli.fr) (the CCAM with tariffs is published by ameli as "CCAM téléchargement";
 * the CCAM with tariffs is sesam-billing/rules/ccam). Version: 2025-12 placeholder. Date: 2026-11-22.
 *
 * Every row is a placeholder (`prix: null`): load the ameli CCAM table (activité × grille
 * OPTAM / non-OPTAM rows, modificateurs as `+<letter>` forfait rows) with `loadReferentiel`.
 * Keys: `'<code>'` for activité 1, `'<code>/<activité>'` otherwise; modificateur `'+<letter>'`.
 */
import type { PlainDate } from '../../core/date/index';
import type { TableTarifs } from '../referentiel';

/** CCAM placeholders. */
export const CCAM_ACTES: TableTarifs = {
  source: 'CCAM, CNAM (ameli.fr) ; NGAP (ameli.fr) (ameli CCAM téléchargement)',
  version: 'ccam-placeholder-2025.12',
  date: '2026-11-22' as PlainDate,
  rows: [
    {
      code: 'DEQP003',
      libelle: 'Électrocardiographie sur au moins 12 dérivations',
      nomenclature: 'ccam',
      professions: ['medecin'],
      validFrom: null,
      prix: null,
      acte: true,
      source: 'à confirmer contre la CCAM ameli (table complète : sesam-billing/rules/ccam)',
    },
  ],
};
