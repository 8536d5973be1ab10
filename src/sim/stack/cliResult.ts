/**
 * What every command-line reader in this folder (docker, podman, kubectl,
 * runc) returns besides its own commands: an error worded as the real tool
 * words it, a help text, or a line the real tool accepts that the lab does
 * not model. Each parser's result is a union of its commands and these, tagged
 * by `type`, so a caller can `switch` on it.
 */

/** Who would print the error: the CLI itself, or the daemon/API server the CLI asked. */
export type ErrorSource = 'cli' | 'daemon' | 'apiserver';

/** The tool's own error text (what it prints on stderr, and stdout where it prints usage there) and its exit status. */
export interface CliError {
  type: 'error';
  message: string;
  status: number;
  from: ErrorSource;
}

/** `--help` and friends: the tool prints this and exits 0. */
export interface CliHelp {
  type: 'help';
  text: string;
}

/** Valid for the real tool, outside what the lab models; the message says so plainly. */
export interface CliUnmodelled {
  type: 'unmodelled';
  message: string;
}

export type CliOutcome = CliError | CliHelp | CliUnmodelled;

/** Every line the lab adds to a real tool's output starts with this, so nobody mistakes it for the tool's words. */
export const LAB_PREFIX = 'Isolation Lab: ';

export const cliError = (message: string, status: number, from: ErrorSource = 'cli'): CliError =>
  ({ type: 'error', message, status, from });

export const cliHelp = (text: string): CliHelp => ({ type: 'help', text });

export const unmodelled = (message: string): CliUnmodelled => ({ type: 'unmodelled', message: LAB_PREFIX + message });

/** True for the three shared outcomes, false for a tool's own command. */
export function isOutcome(r: { type: string }): r is CliOutcome {
  return r.type === 'error' || r.type === 'help' || r.type === 'unmodelled';
}
