/**
 * Canned SOAP 1.2 answers of the local INSi service (shape of the CNAM INSi_RESULTAT_INS XSD;
 * fictitious identity) and the SOAP fault every local service can send.
 */
import { INS_TEST } from './personas';

const ENV = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>${body}</soap:Body></soap:Envelope>`;
const RES = (inner: string): string => ENV(`<RESULTAT xmlns="http://www.cnamts.fr/INSiResultat">${inner}</RESULTAT>`);

/** CR 00 with the test identity. */
export const INSI_CR00 = RES(
  `<CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR><INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>${INS_TEST.numIdentifiant}</NumIdentifiant><Cle>${INS_TEST.cle}</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID></INSACTIF><TIQ><NomNaissance>${INS_TEST.nomNaissance}</NomNaissance><Prenom>JEANNE</Prenom><ListePrenom>${INS_TEST.prenoms}</ListePrenom><Sexe>${INS_TEST.sexe}</Sexe><DateNaissance>${INS_TEST.dateNaissance}</DateNaissance><LieuNaissance>${INS_TEST.lieuNaissance}</LieuNaissance></TIQ></INDIVIDU>`,
);
/** CR 01. */
export const INSI_CR01 = RES('<CR><CodeCR>01</CodeCR><LibelleCR>Aucune identite trouvee</LibelleCR></CR>');
/** CR 02. */
export const INSI_CR02 = RES('<CR><CodeCR>02</CodeCR><LibelleCR>Plusieurs identites trouvees</LibelleCR></CR>');

/**
 * A SOAP 1.2 fault with a siram / desir code.
 *
 * @param code - The siram subcode.
 * @param detail - The desir code of the detail.
 * @param reason - The reason text.
 * @returns The envelope.
 */
export function soapFault(code: string, detail: string, reason: string): string {
  const x = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 200).replace(/[<>&"']/g, '') : '');
  code = x(code);
  detail = x(detail);
  reason = x(reason);
  return ENV(
    `<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>soap:${code}</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang="fr">${reason}</soap:Text></soap:Reason><soap:Detail><siram:Erreur xmlns:siram="urn:siram" code="${detail}" severite="erreur">${reason}</siram:Erreur></soap:Detail></soap:Fault>`,
  );
}
