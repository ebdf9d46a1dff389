/**
 * simulator: fictitious counterparts for demos and tests (never for production data).
 * Returns: what the caisse would send back for the ledger's lots (ARL, NOEMIE 580, CFONB 120)
 * and the demo stage that reads them back and reconciles.
 */
export type { SimulatedReturns, SimulatedReturnsOptions } from './returns';
export { buildSimulatedReturns } from './returns';
export type { ReturnsDemoOptions, ReturnsDemoResult } from './returnsDemo';
export { runReturnsDemo } from './returnsDemo';
