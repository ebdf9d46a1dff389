/**
 * `sesam-billing/agent`: the local agent for web PMS — an HTTP API on the loopback (fastify)
 * over the readers, pricing, FSE / lots, sending, returns and follow-up, with a per-install
 * Bearer token, an Origin allow-list, size and rate limits, and an OpenAPI 3.1 document.
 * A Node adapter (it listens, writes its token file and opens the SQLite ledger).
 */
export { AGENT_CODES } from './codes';
export type { AgentCode } from './codes';
export type { Agent } from './createAgent';
export { AGENT_LOG_REDACT, createAgent } from './createAgent';
export type { AgentLogOptions, AgentOptions, AgentSendOptions } from './options';
export { isLoopbackHost } from './options';
export type { AgentReaderEvent, AgentReaderInfo, AgentReaders, VirtualReaderBoard } from './readers';
export { createVirtualReaderBoard } from './readers';
export { AGENT_TOKEN_FILE, loadAgentToken } from './token';
export { buildOpenApiDocument } from './openapi';
export type { CollectedRoute, RouteSchema } from './openapi';
