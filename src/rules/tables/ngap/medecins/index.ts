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
import { GERIATRIE, GYNECOLOGIE } from './specialites';

/** Every médecin row, métropole then DROM (the gériatrie and gynécologie CS rows are reserved to those specialties). */
export const NGAP_MEDECINS_ROWS: readonly TarifRow[] = [...GENERALISTES, ...SPECIALISTES, ...GERIATRIE, ...GYNECOLOGIE, ...PEDIATRIE, ...PERMANENCE, ...DROM];
