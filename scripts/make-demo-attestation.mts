/**
 * Makes data/demo/attestation-tiers-payant.png once: the DataMatrix of a fictitious attestation de
 * tiers payant (AMC 99999990 of the local services, adhérent 10000001), its payload in the
 * library's MODELED layout (`MODELED_ATTESTATION_CODEC`: the real layout is not public), drawn by
 * bwip-js (a devDependency: the demo ships the PNG, not bwip-js). Run: `npx tsx scripts/make-demo-attestation.ts`.
 */
import { writeFileSync } from 'node:fs';
import bwipjs from 'bwip-js/node';
import { serializeAttestationPayload } from '../src/adr/attestation/index';
import { plainDate } from '../src/core/date/index';

const payload = serializeAttestationPayload({ numeroAmc: '99999990', typeConvention: 'TP', critereSecondaireRoutage: 'A1', numeroAdherent: '10000001', periodeValidite: { debut: plainDate('2024-01-01'), fin: plainDate('2030-12-31') } });
if (!payload.ok) throw new Error(payload.issues.map((i) => i.code).join(', '));
const png = await bwipjs.toBuffer({ bcid: 'datamatrix', text: payload.value, scale: 4, backgroundcolor: 'FFFFFF', padding: 16 });
writeFileSync(new URL('../data/demo/attestation-tiers-payant.png', import.meta.url), png);
console.log(`data/demo/attestation-tiers-payant.png: ${png.length} bytes, payload ${payload.value}`);
