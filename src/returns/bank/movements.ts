/**
 * From a CFONB 120 file to format-neutral {@link BankMovement}s (what the payment matcher reads).
 */
import type { BankMovement, Cfonb120File } from './types';
import { assertShape, guardCfonbFile } from '../guards';

/**
 * Flattens CFONB statements into movements; the libellé gathers the 04 libellé and every 05
 * complément information (LIB, NPY, REF, RCN…), because banks spread the caisse's virement
 * wording over them (CFONB, Relevé de compte sur support informatique (120 caractères), 2004).
 *
 * @param file - A parsed CFONB 120 file.
 * @returns The movements in file order.
 * @throws SesamError `ASSERTION` when `file` is not a CFONB 120 model.
 * @example
 * const credits = computeBankMovements(unwrap(parseCfonb120(bytes))).filter((m) => m.montant.centimes > 0);
 */
export function computeBankMovements(file: Cfonb120File): readonly BankMovement[] {
  const checked = assertShape('computeBankMovements', (issues) => guardCfonbFile(file, ['file'], issues));
  const out: BankMovement[] = [];
  for (const s of checked.statements) {
    for (const m of s.mouvements) {
      const parts = [m.libelle, ...m.complements.map((c) => c.information)].filter((t) => t.trim() !== '');
      out.push({
        date: m.dateComptable,
        ...(m.dateValeur === undefined ? {} : { dateValeur: m.dateValeur }),
        libelle: parts.join(' '),
        montant: m.montant,
        ...(m.reference === '' ? {} : { reference: m.reference }),
        source: { format: 'cfonb120', record: m.record },
      });
    }
  }
  return out;
}
