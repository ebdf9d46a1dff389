/** Where the CLI writes (injected so tests capture it). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** A CLI command. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
