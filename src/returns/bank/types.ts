/**
 * Bank statement model: CFONB 120 statements as read (every public field, CFONB, Relevé de compte sur support informatique (120 caractères), 2004) and the
 * format-neutral {@link BankMovement} the payment matcher works on (CFONB or CSV).
 */
import type { Money } from '../../core/money/index';
import type { PlainDate } from '../../core/date/index';

/** Account key shared by the 01, 04, 05 and 07 records of one statement. */
export interface Cfonb120Account {
  /** Code banque (pos. 3-7). */
  readonly codeBanque: string;
  /** Code guichet (pos. 12-16). */
  readonly codeGuichet: string;
  /** Code devise ISO (pos. 17-19), e.g. `EUR`. */
  readonly devise: string;
  /** Nombre de décimales of the amounts (pos. 20), usually 2. */
  readonly nombreDecimales: number;
  /** N° de compte (pos. 22-32). */
  readonly numeroCompte: string;
}

/** A balance (01 ancien solde, 07 nouveau solde). */
export interface Cfonb120Solde {
  /** Date of the balance (pos. 35-40 JJMMAA). */
  readonly date: PlainDate;
  /** Signed amount (pos. 91-104). */
  readonly montant: Money;
}

/** A 05 complément: qualifiant (pos. 46-48) and information (pos. 49-118). */
export interface Cfonb120Complement {
  /** Qualifiant: LIB, NPY, RCN, REF, MMO, IPY, NBE, LCC, LC2 … */
  readonly qualifiant: string;
  /** The information, trailing spaces removed. */
  readonly information: string;
}

/** A 04 mouvement with its 05 compléments. */
export interface Cfonb120Mouvement {
  /** Code opération interne (pos. 8-11). */
  readonly codeOperationInterne: string;
  /** Code opération interbancaire (pos. 33-34). */
  readonly codeOperationInterbancaire: string;
  /** Date comptable (pos. 35-40). */
  readonly dateComptable: PlainDate;
  /** Code motif de rejet (pos. 41-42), blank when none. */
  readonly codeMotifRejet: string;
  /** Date de valeur (pos. 43-48), absent when blank. */
  readonly dateValeur?: PlainDate;
  /** Libellé (pos. 49-79), trailing spaces removed. */
  readonly libelle: string;
  /** N° d'écriture (pos. 82-88). */
  readonly numeroEcriture: string;
  /** Indice d'exonération de commission (pos. 89). */
  readonly indiceExoneration: string;
  /** Indice d'indisponibilité (pos. 90). */
  readonly indiceIndisponibilite: string;
  /** Signed amount (pos. 91-104): credits positive, debits negative. */
  readonly montant: Money;
  /** Référence (pos. 105-120), trailing spaces removed. */
  readonly reference: string;
  /** 05 records following this 04. */
  readonly complements: readonly Cfonb120Complement[];
  /** 1-based record number of the 04 in the file. */
  readonly record: number;
}

/** One statement: 01, its 04/05, 07. */
export interface Cfonb120Statement {
  readonly compte: Cfonb120Account;
  readonly ancienSolde: Cfonb120Solde;
  readonly mouvements: readonly Cfonb120Mouvement[];
  readonly nouveauSolde: Cfonb120Solde;
}

/** A CFONB 120 file (several statements possible). */
export interface Cfonb120File {
  readonly statements: readonly Cfonb120Statement[];
}

/** Where a {@link BankMovement} was read. */
export interface BankMovementSource {
  readonly format: 'cfonb120' | 'csv';
  /** 1-based record (CFONB) or line (CSV) number. */
  readonly record: number;
}

/** A bank movement in a format-neutral form (what the payment matcher reads). */
export interface BankMovement {
  /** Booking date. */
  readonly date: PlainDate;
  /** Value date when known. */
  readonly dateValeur?: PlainDate;
  /** Libellé, with CFONB 05 compléments (LIB, NPY, REF, RCN…) appended, space-separated. */
  readonly libelle: string;
  /** Signed amount: credits positive. */
  readonly montant: Money;
  /** Bank reference when the format carries one. */
  readonly reference?: string;
  readonly source: BankMovementSource;
}
