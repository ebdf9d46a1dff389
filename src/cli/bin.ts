#!/usr/bin/env node
/**
 * The `sesam` command. Everything lives in main.ts so tests can run the CLI in-process.
 */
import { runCli } from './main';

runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sesam: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
