/** Where the CLI writes (injected so tests capture it). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}
