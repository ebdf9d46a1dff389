#!/usr/bin/env node
/**
 * The `sesam` command. Everything lives in main.ts so tests can run the CLI in-process; runCli
 * never throws, the last-resort handler below only guards against a bug in it (exit 70, one line).
 */
import { runCli } from './main';

runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sesam: internal error: ${e instanceof Error ? e.message.split('\n')[0] : 'unknown'}\n`);
    process.exitCode = 70;
  },
);
