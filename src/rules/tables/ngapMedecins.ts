/**
 * NGAP médecins — dated tariffs (secteur 1 / OPTAM unless noted), métropole.
 *
 * Source: NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (ameli actualité 22/12/2024; service-public F1069;
 * egora, Le Moniteur). Version: 2025-12 (figures from the public sources retained). Date: 2026-11-22.
 *
 * Rows with `prix: null` are codes the library knows but whose amount is not in the public
 * sources retained (CCAM, CNAM (ameli.fr) ; NGAP (ameli.fr): no trustworthy machine-readable NGAP table): to confirm against
 * the NGAP table published at the JO / ameli, then load with `loadReferentiel`. Using one gives
 * `RULES_TARIF_A_CONFIRMER`. DOM médecin tariffs are not in the public sources retained: no DOM row.
 */
import type { TableTarifs, TarifRow } from '../referentiel';
import type { PlainDate } from '../../core/date/index';

const M = ['medecin'] as const;
const S1 = ['1', '2-optam'] as const;
const TO_CONFIRM = 'à confirmer contre la table NGAP du JO (montant absent de NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024))';

function placeholder(code: string, libelle: string, extra: Partial<TarifRow> = {}): TarifRow {
  return { code, libelle, nomenclature: 'ngap', professions: M, zone: 'metropole', validFrom: null, prix: null, acte: false, source: TO_CONFIRM, ...extra };
}

function row(code: string, libelle: string, validFrom: string | null, prix: string, source: string, extra: Partial<TarifRow> = {}): TarifRow {
  return { code, libelle, nomenclature: 'ngap', professions: M, zone: 'metropole', validFrom: validFrom as PlainDate | null, prix, acte: true, source, ...extra };
}

/** NGAP médecins. */
export const NGAP_MEDECINS: TableTarifs = {
  source: 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (ameli 22/12/2024, service-public F1069, egora, Le Moniteur)',
  version: 'ngap-medecins-2025.12',
  date: '2026-11-22' as PlainDate,
  rows: [
    // G history (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré)): 23 € (2011; day not given, 1 January assumed) → 25 € (2017-05-01) → 26,50 € (2023-11-01) → 30 € (2024-12-22).
    // The 2011 row has no secteur: it stays the secteur 2 non-OPTAM base (23 €, service-public F1069).
    row('G', 'Consultation de médecine générale', '2011-01-01', '23.00', 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) G history (2011, day assumed 01-01); secteur 2 base: service-public F1069'),
    row('G', 'Consultation de médecine générale', '2017-05-01', '25.00', 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) G history', { secteurs: S1 }),
    row('G', 'Consultation de médecine générale', '2023-11-01', '26.50', 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) G history', { secteurs: S1 }),
    row('G', 'Consultation de médecine générale', '2024-12-22', '30.00', 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024): ameli actualité 22/12/2024', { secteurs: S1 }),
    // Secteur 2 non-OPTAM: base 23 € for C and CS (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré), service-public F1069); start date not attested.
    row('C', 'Consultation (secteur 2 non-OPTAM, base)', '2023-01-01', '23.00', 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): service-public F1069 (base secteur 2 non-OPTAM) ; valeur en vigueur au 1er janvier 2023 (début antérieur non retenu)', { secteurs: ['2'] }),
    row('CS', 'Consultation de spécialiste (secteur 2 non-OPTAM, base)', '2023-01-01', '23.00', 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): service-public F1069 (base secteur 2 non-OPTAM) ; valeur en vigueur au 1er janvier 2023 (début antérieur non retenu)', { secteurs: ['2'] }),
    placeholder('C', 'Consultation (secteur 1 / OPTAM)', { secteurs: S1, acte: true }),
    // In the parcours a specialist's CS carries the MCS: the DA hors parcours is capped on CS + MCS.
    placeholder('CS', 'Consultation de spécialiste (secteur 1 / OPTAM)', { secteurs: S1, acte: true, majorationParcours: 'MCS' }),
    // APC: 56,50 € (start not attested: prices no date) → 60 € on 2024-12-22 (NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024)).
    // Every secteur: a secteur 2 non-OPTAM consultant bills the APC on the same base (no secteur 2 base for the APC).
    row('APC', 'Avis ponctuel de consultant', null, '56.50', 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (egora, Le Moniteur); start date not attested'),
    row('APC', 'Avis ponctuel de consultant', '2024-12-22', '60.00', 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (egora, Le Moniteur)'),
    // Téléconsultation: 26,50 € kept at 22/12/2024 (NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024)); start date not attested.
    // Dated 2024-12-22: the value is attested as kept on that day; its earlier start is not.
    row('TCG', 'Téléconsultation de médecine générale', '2024-12-22', '26.50', 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (mutuelleverte): 26,50 € kept at 22/12/2024', { secteurs: S1 }),
    placeholder('TC', 'Téléconsultation (spécialiste)', { secteurs: S1, acte: true }),
    placeholder('GS', 'Consultation spécialiste en médecine générale', { secteurs: S1, acte: true }),
    placeholder('VG', 'Visite à domicile de médecine générale', { secteurs: S1, acte: true }),
    // Majorations: not acts (no PF of their own). Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) quotes "CS 23 + MPC 2 + MCS 5" without a date: to confirm.
    placeholder('MPC', 'Majoration forfaitaire transitoire (MPC)', { parcoursSeulement: true }),
    placeholder('MCS', 'Majoration de coordination spécialiste', { parcoursSeulement: true }),
    placeholder('MCG', 'Majoration de coordination généraliste', { parcoursSeulement: true }),
    placeholder('MEG', 'Majoration enfant généraliste'),
    placeholder('MU', 'Majoration d’urgence'),
    placeholder('MN', 'Majoration de nuit'),
    placeholder('MM', 'Majoration de milieu de nuit'),
    placeholder('F', 'Majoration dimanche et jour férié'),
  ],
};
