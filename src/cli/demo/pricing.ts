/**
 * Demo stage 1: price a realistic day of a practice (a GP, a nurse, a physiotherapist) and
 * print one table per invoice, with the trace under `--explain`.
 */
import type { Money } from '../../core/money/index';
import { add, ZERO } from '../../core/money/index';
import type { Decompte, FactureInput } from '../../rules/index';
import type { DemoFacture } from '../../rules/index';
import { computeFacture } from '../../rules/index';
import { eur, renderDecompte, renderTrace } from '../format';
import type { CliIo } from '../io';

/** One priced invoice of the demo day. */
export interface PricedInvoice {
  readonly label: string;
  readonly input: FactureInput;
  readonly decompte: Decompte;
}

/**
 * Prices the demo day.
 *
 * @param io - Output.
 * @param day - The invoices to price.
 * @param options - `explain` prints the trace; `quiet` prints only the summary.
 * @returns The priced invoices (all of them price without issue).
 */
export function runPricingStage(io: CliIo, day: readonly DemoFacture[], options: { explain: boolean; quiet?: boolean }): PricedInvoice[] {
  const priced: PricedInvoice[] = [];
  let billed: Money = ZERO;
  let amo: Money = ZERO;
  let amc: Money = ZERO;
  let patient: Money = ZERO;
  io.out(`\n━━ 2. Tarification : ${day.length} factures de la journée ━━\n`);
  day.forEach((example, i) => {
    const result = computeFacture(example.input, { trace: options.explain });
    if (!result.ok) {
      io.err(`  ${i + 1}. ${example.label}: ${result.issues.map((x) => `${x.code} ${x.path.join('.')} ${x.message}`).join('; ')}\n`);
      return;
    }
    const d = result.value;
    priced.push({ label: example.label, input: example.input, decompte: d });
    billed = add(billed, d.total.montantFacture);
    amo = add(amo, d.total.netAmo);
    amc = add(amc, d.total.partAmc);
    patient = add(patient, d.chargePatient);
    if (options.quiet === true) return;
    io.out(`\n  ${i + 1}. ${example.label}\n`);
    io.out(renderDecompte(d));
    if (options.explain) io.out(`  Trace :\n${renderTrace(d.trace)}`);
  });
  io.out(`\n  Journée : facturé ${eur(billed)} = AMO ${eur(amo)} + AMC ${eur(amc)} + patient ${eur(patient)}\n`);
  return priced;
}
