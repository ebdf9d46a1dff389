/**
 * Canned INSi answers shaped like the CNAM answers (padoa/tlsi-ins fixtures), with fictitious
 * NIRs (made up, valid keys). Shared by the parser and client tests.
 */
const ENV = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><S:Body xmlns:S="http://www.w3.org/2003/05/soap-envelope">${body}</S:Body></soap:Envelope>`;

const RES = (inner: string): string =>
  ENV(`<RESULTAT xmlns:ns3="http://www.cnamts.fr/INSiRecVit" xmlns:ns2="http://www.cnamts.fr/INSiRecSans" xmlns="http://www.cnamts.fr/INSiResultat">${inner}</RESULTAT>`);

export const RESULTAT_00_INNER = [
  '<CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR>',
  '<INDIVIDU>',
  '<INSACTIF><IdIndividu><NumIdentifiant>2790363220123</NumIdentifiant><Cle>69</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID></INSACTIF>',
  '<INSHISTO><IdIndividu><NumIdentifiant>7800199123456</NumIdentifiant><Cle>82</Cle><TypeMatricule>NIA</TypeMatricule></IdIndividu><OID>1.2.250.1.213.1.4.9</OID><DateDeb>1979-03-01</DateDeb><DateFin>2001-06-30</DateFin></INSHISTO>',
  '<TIQ><NomNaissance>TESTNOM-D&apos;ARC</NomNaissance><Prenom>JEANNE</Prenom><ListePrenom>JEANNE MARIE</ListePrenom><Sexe>F</Sexe><DateNaissance>1979-03-28</DateNaissance><LieuNaissance>63220</LieuNaissance></TIQ>',
  '</INDIVIDU>',
].join('');

export const CR00 = RES(RESULTAT_00_INNER);
export const CR01 = RES('<CR><CodeCR>01</CodeCR><LibelleCR>Aucune identite trouvee</LibelleCR></CR>');
export const CR02 = RES('<CR><CodeCR>02</CodeCR><LibelleCR>Plusieurs identites trouvees</LibelleCR></CR>');
export const FAULT_IDAM = ENV(
  `<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>soap:siram_100</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang="fr">L'accès par ce progiciel au service n'est pas autorisé.</soap:Text></soap:Reason><soap:Detail><siram:Erreur code="desir_550" messageID="uuid:00000000-0000-4000-8000-000000000000" severite="erreur" xmlns:siram="urn:siram">Numéro d'autorisation du logiciel inconnu.</siram:Erreur></soap:Detail></soap:Fault>`,
);
export { ENV, RES };
