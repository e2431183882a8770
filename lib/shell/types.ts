/** The command table's types. */

export interface CommandResult {
  /** Output with "\n" line ends (the driver converts for the terminal). */
  output: string;
  exitCode: number;
}

/**
 * One entry of the command table: `help`, `help CMD` and Tab completion are all built from these.
 * `run` must not throw; bad input gets a message and a non-zero exit code.
 */
export interface Command<Ctx> {
  name: string;
  /** e.g. "telnet HOST PORT" */
  usage: string;
  /** One line for `help`. */
  summary: string;
  /** Extra lines for `help CMD` (examples, notes). */
  details?: readonly string[];
  run(args: readonly string[], ctx: Ctx): CommandResult;
  /**
   * Candidates for the word being typed, given the words before it (not including the command
   * name). Return [] when there is nothing to offer.
   */
  complete?(previous: readonly string[], ctx: Ctx): readonly string[];
}

export const ok = (output = ""): CommandResult => ({ output, exitCode: 0 });
export const fail = (output: string, exitCode = 1): CommandResult => ({ output, exitCode });

/**
 * An interactive program that takes over the terminal (telnet, openssl s_client, mail while you
 * type the body). The shell gives it every line until `done`.
 */
export interface Interaction {
  prompt(): string;
  line(text: string): string;
  /** Ctrl+C */
  interrupt(): string;
  /** Ctrl+D on an empty line */
  eof(): string;
  /** Ctrl+] ; undefined means "not special here" */
  escape?(): string;
  /** Completion candidates for the word being typed inside the program. */
  complete?(before: string): readonly string[];
  readonly done: boolean;
}
