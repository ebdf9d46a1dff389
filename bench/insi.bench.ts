/**
 * INSi: cost of the library's safety on an answer (DOCTYPE check, well-formedness validation,
 * entity decoding, key and OID checks) against a bare fast-xml-parser parse of the same CR 00
 * answer, and the request build against a bare template string. Ratios in the same run.
 */
import { XMLParser } from 'fast-xml-parser';
import { buildInsiRequest, parseInsiResponse } from '../src/insi/index';
import { interleavedRatio } from './harness';

const CR00 = `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><S:Body xmlns:S="http://www.w3.org/2003/05/soap-envelope"><RESULTAT xmlns="http://www.cnamts.fr/INSiResultat"><CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR><INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>2790363220123</NumIdentifiant><Cle>69</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID></INSACTIF><INSHISTO><IdIndividu><NumIdentifiant>7800199123456</NumIdentifiant><Cle>82</Cle></IdIndividu><OID>1.2.250.1.213.1.4.9</OID></INSHISTO><TIQ><NomNaissance>TESTNOM</NomNaissance><Prenom>JEANNE</Prenom><ListePrenom>JEANNE MARIE</ListePrenom><Sexe>F</Sexe><DateNaissance>1979-03-28</DateNaissance><LieuNaissance>63220</LieuNaissance></TIQ></INDIVIDU></RESULTAT></S:Body></soap:Envelope>`;

export default async function (): Promise<void> {
  const bare = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, processEntities: false });
  const parse = interleavedRatio(() => bare.parse(CR00), () => parseInsiResponse(CR00), { rounds: 9, ms: 200 });
  console.log(`parseInsiResponse vs bare XMLParser.parse (CR 00): ${parse.median.toFixed(2)}× the rate of the baseline (range ${parse.low.toFixed(2)}–${parse.high.toFixed(2)})`);
  const contexte = { emetteur: '10B0152872', idam: 'TEST0001', version: '1.0', nomLogiciel: 'bench', instance: 'i' };
  const options = { at: '2025-03-10T09:00:00+01:00', messageId: 'uuid:1' };
  const recherche = { mode: 'traits' as const, nomNaissance: 'TESTNOM', prenoms: ['JEANNE', 'MARIE'], sexe: 'F', dateNaissance: '1979-03-28' };
  const template = (): string => `<soap:Envelope><soap:Header>${contexte.idam}${options.at}</soap:Header><soap:Body>${recherche.nomNaissance}${recherche.prenoms.join('')}${recherche.dateNaissance}</soap:Body></soap:Envelope>`;
  const build = interleavedRatio(template, () => buildInsiRequest(recherche, contexte, options), { rounds: 9, ms: 200 });
  console.log(`buildInsiRequest vs a bare template string: ${build.median.toFixed(2)}× the rate of the baseline (range ${build.low.toFixed(2)}–${build.high.toFixed(2)})`);
}
