/**
 * NGAP sages-femmes (consultation C, visite V, majorations MSF and MD, lettres clés SF / SP, SFI,
 * IK, IKM, CCP), métropole and DOM, dated from 2023-01-01 (MD from 2024-02-22, when it opened to them).
 *
 * Sources: convention nationale des sages-femmes — avenant n° 4 du 29 mai 2018, which replaces
 * the convention of 11 October 2007 (avis d'approbation, JO du 10 août 2018; ameli.fr,
 * communiqué du 30 mai 2018: consultation and visite at 25 € in 2019 = C 23 € + MSF 2 €) — and
 * avenant n° 7 signé le 11 juillet 2023 (ameli.fr, sage-femme, « Avenant 7 : de nouvelles mesures
 * de valorisation sont entrées en vigueur le 22 février »; second step of SF / SP on 01/01/2025;
 * avenant published at the Journal officiel, article JORFARTI000047996115): IK montagne
 * (IKM) 0,91 € in métropole and 1,10 € in the DOM from the same date (article on the indemnités
 * kilométriques of the avenant n° 7; the ameli.fr page lists the IK plaine only).
 *
 * The consultation de contraception et de prévention (CCP) was opened to the sages-femmes at 46 €
 * by the avenant n° 4 (in force on 2023-01-01), then « portée à » 47,50 € by the avenant n° 7.
 *
 * The séance de suivi postnatal SP is worth 3,00 € before the avenant n° 7 (ameli.fr, « Avenant 5 :
 * nouvelles conditions de réalisation et de facturations des examens postnataux »: SP 9 = 27 €,
 * SP 14 = 42 €, in force from 5 September 2022); the page gives no DOM figure.
 *
 * Placeholders (`prix: null`): SF, SP (DOM), IK and IKM before 2024-02-22, SFI — their amounts
 * are not in the official pages retained. DOM C / V / IK / IKM before 2024-02-22
 * are absent (refused with `RULES_TARIF_DATE`).
 */
import type { Profession } from '../../model';
import type { TableTarifs } from '../../referentiel';
import { DEBUT_HISTORIQUE, ngapRow, ngapTable } from './row';

const SF: readonly Profession[] = ['sageFemme'];
const CONVENTION = 'Convention nationale des sages-femmes, avenant n° 4 du 29 mai 2018 (avis d’approbation, JO du 10 août 2018)';
const AV4 = `${CONVENTION} ; ameli.fr, communiqué du 30 mai 2018 (consultation et visite à 25 € = C 23 € + MSF 2 €) : valeur en vigueur au 01/01/2023`;
const AV7 = 'Convention nationale des sages-femmes, avenant n° 7 signé le 11 juillet 2023 (ameli.fr, sage-femme, « Avenant 7 : de nouvelles mesures de valorisation sont entrées en vigueur le 22 février » 2024)';
const AV7_2025 = 'Convention nationale des sages-femmes, avenant n° 7 signé le 11 juillet 2023 : lettres clés SF et SP portées à 3,20 € au 1er janvier 2025 (second palier)';
const AV7_JO = 'Convention nationale des sages-femmes, avenant n° 7 signé le 11 juillet 2023, publié au Journal officiel (https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000047996115) : indemnité kilométrique en montagne IKM portée à 0,91 € en métropole et 1,10 € dans les départements d’outre-mer, applicable le 22 février 2024 (ameli.fr, sage-femme, « Avenant 7 : de nouvelles mesures de valorisation sont entrées en vigueur le 22 février »)';
const CCP_AV4 = `${CONVENTION} (consultation de contraception et de prévention CCP ouverte aux sages-femmes à 46 €, mesure tarifaire applicable en 2019) ; ameli.fr, communiqué de l’Assurance Maladie du 30 mai 2018 « Signature d’un nouvel accord avec les sages-femmes (avenant 4) » : valeur en vigueur au 01/01/2023, portée à 47,50 € le 22 février 2024 par l’avenant n° 7`;
const SP_AV5 = 'Convention nationale des sages-femmes, avenant n° 5 signé le 20 décembre 2021 ; ameli.fr, sage-femme, « Avenant 5 : nouvelles conditions de réalisation et de facturations des examens postnataux » (mesures en vigueur le 5 septembre 2022 : entretien postnatal SP 14 = 42 €, SP 12 = 36 € ; séance de suivi postnatal SP 9 = 27 €, SP 7 = 21 €, SP 6 = 18 €, soit SP = 3,00 €) : valeur en vigueur au 01/01/2023';
const A_CONFIRMER = `à confirmer : valeur au 01/01/2023 absente des pages officielles retenues (${CONVENTION}, NOR SSAS1822073V, JORF n° 0183 du 10 août 2018, texte n° 100, annexe tarifaire)`;
const AV7_DATE = '2024-02-22';

/** NGAP sages-femmes: C, V, MSF, MD, SF, SP, SFI, IK, IKM, CCP. */
export const NGAP_SAGES_FEMMES: TableTarifs = /* @__PURE__ */ ngapTable('sages-femmes', `${CONVENTION} ; avenant n° 7 (ameli.fr, 22 février 2024)`, [
  ...(['C', 'V'] as const).flatMap((code) => {
    const libelle = code === 'C' ? 'Consultation de sage-femme' : 'Visite de sage-femme';
    return [
      ngapRow(SF, 'metropole', code, libelle, DEBUT_HISTORIQUE, '23.00', true, AV4),
      ngapRow(SF, 'dom', code, `${libelle} (DOM)`, AV7_DATE, '27.60', true, AV7),
    ];
  }),
  ngapRow(SF, 'metropole', 'MSF', 'Majoration sage-femme (consultation, visite)', DEBUT_HISTORIQUE, '2.00', false, AV4),
  ngapRow(SF, 'metropole', 'MSF', 'Majoration sage-femme (consultation, visite)', AV7_DATE, '3.50', false, AV7),
  ngapRow(SF, 'dom', 'MSF', 'Majoration sage-femme (consultation, visite, DOM)', AV7_DATE, '3.80', false, AV7),
  ...(['metropole', 'dom'] as const).flatMap((zone) => {
    const z = zone === 'dom' ? ' (DOM)' : '';
    return (['SF', 'SP'] as const).flatMap((code) => {
      const libelle = code === 'SF' ? `Acte de sage-femme${z}` : `Séance de suivi postnatal${z}`;
      return [
        code === 'SP' && zone === 'metropole'
          ? ngapRow(SF, zone, code, libelle, DEBUT_HISTORIQUE, '3.00', true, SP_AV5)
          : ngapRow(SF, zone, code, libelle, DEBUT_HISTORIQUE, null, true, A_CONFIRMER),
        ngapRow(SF, zone, code, libelle, AV7_DATE, '3.10', true, AV7),
        ngapRow(SF, zone, code, libelle, '2025-01-01', '3.20', true, AV7_2025),
      ];
    });
  }),
  ngapRow(SF, 'metropole', 'MD', 'Majoration de déplacement de la sage-femme (postnatal, grossesse pathologique)', AV7_DATE, '10.00', false, AV7),
  ngapRow(SF, 'metropole', 'SFI', 'Acte infirmier de sage-femme', DEBUT_HISTORIQUE, null, true, A_CONFIRMER),
  ngapRow(SF, 'metropole', 'IK', 'Indemnité kilométrique plaine (sage-femme)', DEBUT_HISTORIQUE, null, false, A_CONFIRMER),
  ngapRow(SF, 'metropole', 'IK', 'Indemnité kilométrique plaine (sage-femme)', AV7_DATE, '0.61', false, AV7),
  ngapRow(SF, 'dom', 'IK', 'Indemnité kilométrique plaine (sage-femme, DOM)', AV7_DATE, '0.73', false, AV7),
  ngapRow(SF, 'metropole', 'IKM', 'Indemnité kilométrique montagne (sage-femme)', DEBUT_HISTORIQUE, null, false, A_CONFIRMER),
  ngapRow(SF, 'metropole', 'IKM', 'Indemnité kilométrique montagne (sage-femme)', AV7_DATE, '0.91', false, AV7_JO),
  ngapRow(SF, 'dom', 'IKM', 'Indemnité kilométrique montagne (sage-femme, DOM)', AV7_DATE, '1.10', false, AV7_JO),
  ngapRow(SF, 'metropole', 'CCP', 'Consultation de contraception et de prévention', DEBUT_HISTORIQUE, '46.00', true, CCP_AV4),
  ngapRow(SF, 'metropole', 'CCP', 'Consultation santé sexuelle, contraception et prévention (moins de 26 ans)', AV7_DATE, '47.50', true, AV7),
  ngapRow(SF, 'dom', 'CCP', 'Consultation santé sexuelle, contraception et prévention (moins de 26 ans, DOM)', AV7_DATE, '57.00', true, AV7),
]);
