/**
 * The bank statement (CFONB 120, fictitious account) on which the caisse's virements land, the
 * day after the return: one credit per virement (libellé and organisme payeur as the NOEMIE 071
 * gives them, so the payments matcher can find them) and a card fee.
 */
import type { PlainDate } from '../core/date/index';
import { addDays } from '../core/date/index';
import type { Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { add, euros, sum } from '../core/money/index';
import type { Cfonb120Account, Cfonb120File, Cfonb120Mouvement } from '../returns/bank/types';
import { serializeCfonb120 } from '../returns/bank/serializeCfonb120';

/** One virement to put on the statement. */
export interface StatementVirement {
  readonly montant: Money;
  readonly organismePayeur: string;
  /** Libellés 1 and 2 of the 071, joined by a space. */
  readonly libelle: string;
}

/**
 * Builds the statement.
 *
 * @param virements - The virements, in order.
 * @param options - Day of the returns (the movements are booked the day after), account, opening balance.
 * @returns The statement (object and text), or the serializer's issues.
 */
export function buildSimulatedStatement(
  virements: readonly StatementVirement[],
  options: { readonly date: PlainDate; readonly compte?: Cfonb120Account; readonly ancienSolde?: Money },
): Result<{ readonly cfonb: Cfonb120File; readonly cfonbText: string }> {
  const compte = options.compte ?? { codeBanque: '30004', codeGuichet: '00123', devise: 'EUR', nombreDecimales: 2, numeroCompte: '00012345678' };
  const ancien = options.ancienSolde ?? euros('1000.00');
  const fee = euros('-3.90');
  const booked = addDays(options.date, 1);
  const mouvements: Cfonb120Mouvement[] = virements.map((v, i) => ({
    codeOperationInterne: '0158', codeOperationInterbancaire: '05', dateComptable: booked, codeMotifRejet: '', dateValeur: booked, libelle: `VIR SEPA ${v.organismePayeur}`.slice(0, 31),
    numeroEcriture: String(i + 1).padStart(7, '0'), indiceExoneration: '', indiceIndisponibilite: '', montant: v.montant, reference: '', record: 2 + 3 * i,
    complements: [{ qualifiant: 'LIB', information: v.libelle.slice(0, 70) }, { qualifiant: 'NPY', information: v.organismePayeur }],
  }));
  mouvements.push({
    codeOperationInterne: '0117', codeOperationInterbancaire: '62', dateComptable: booked, codeMotifRejet: '', dateValeur: booked, libelle: 'F COMMISSION TPE',
    numeroEcriture: String(virements.length + 1).padStart(7, '0'), indiceExoneration: '', indiceIndisponibilite: '', montant: fee, reference: '', record: 2 + 3 * virements.length, complements: [],
  });
  const cfonb: Cfonb120File = {
    statements: [{ compte, ancienSolde: { date: options.date, montant: ancien }, mouvements, nouveauSolde: { date: booked, montant: add(add(ancien, sum(virements.map((v) => v.montant))), fee) } }],
  };
  const cfonbText = serializeCfonb120(cfonb);
  return cfonbText.ok ? ok({ cfonb, cfonbText: cfonbText.value }) : cfonbText;
}
