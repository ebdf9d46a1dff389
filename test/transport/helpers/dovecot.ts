/** The dovecot of the tests now lives with the local caisse (the demo starts it too). */
export { DOVECOT_BIN, findDovecot, freePort, hasDovecotPop3, startDovecot } from '../../../src/simulator/caisse/node/dovecot';
export type { TestDovecot } from '../../../src/simulator/caisse/node/dovecot';
