/**
 * NGAP médecins, split by family (internal barrel; the public name is `NGAP_MEDECINS` from
 * src/rules/tables/ngapMedecins.ts).
 */
import type { TarifRow } from '../../../referentiel';
import { DROM } from './dom';
import { GENERALISTES } from './generalistes';
import { PEDIATRIE } from './pediatrie';
import { PERMANENCE } from './permanence';
import { SPECIALISTES } from './specialistes';

/** Every médecin row, métropole then DROM. */
export const NGAP_MEDECINS_ROWS: readonly TarifRow[] = [...GENERALISTES, ...SPECIALISTES, ...PEDIATRIE, ...PERMANENCE, ...DROM];
