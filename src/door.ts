// The one door out: every line the action prints passes `clean`, which redacts every secret (src/secrets.ts)
// and makes untrusted text inert, so that nothing AWS, GitHub, Slack or a build log says can become a workflow
// command. The runner reads stdout line by line (CR, LF or CRLF end a line) and treats a line as a command when,
// after leading white space, it starts with `::` (e.g. `::add-mask::`, `::stop-commands::`), or when it holds
// `##[` anywhere (the older `##[command]` form) — actions/runner, src/Runner.Common/ActionCommand.cs (TryParseV2,
// TryParse). A zero-width space after the first `:` or `#` breaks both forms and leaves the text readable.
import type { Logger } from './deps.js'
import type { Redactor } from './secrets.js'

const ZWSP = '\u200b'
/** .NET's TrimStart (char.IsWhiteSpace) also trims NEL and the information separators, which JS's \s does not. */
// eslint-disable-next-line no-control-regex -- the separators are exactly what the runner trims
const LEADING_SPACE_THEN_COLON = /^([\s\u0085\u001c-\u001f]*:):/

/** Text that cannot start a workflow command on any of its lines. Line breaks become LF. Pure. */
export function inert(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(LEADING_SPACE_THEN_COLON, `$1${ZWSP}:`).replace(/##\[/g, `#${ZWSP}#[`))
    .join('\n')
}

/** What the runner needs from @actions/core: printing, annotations, groups and the step's failure. */
export interface RunnerCore {
  info(message: string): void
  debug(message: string): void
  warning(message: string): void
  error(message: string): void
  setFailed(message: string): void
  startGroup(name: string): void
  endGroup(): void
}

export interface Door extends Logger {
  error(message: string): void
  /** Fails the step with one `::error` line (exit code 1). */
  fail(message: string): void
  /** The redaction every way out shares (summary, outputs, alerts). */
  redact: Redactor
}

/** Opens the door on @actions/core (or a stand-in for it): every message is cleaned before core sees it. */
export function openDoor(core: RunnerCore, redact: Redactor): Door {
  const clean = (text: string): string => inert(redact(text))
  return {
    redact,
    info: (m) => core.info(clean(m)),
    debug: (m) => core.debug(clean(m)),
    warning: (m) => core.warning(clean(m)),
    error: (m) => core.error(clean(m)),
    fail: (m) => core.setFailed(clean(m)),
    group: async (name, fn) => {
      core.startGroup(clean(name))
      try {
        return await fn()
      } finally {
        core.endGroup()
      }
    },
  }
}

type Write = typeof process.stdout.write

/**
 * The net under the door: whatever reaches stdout or stderr by another way (a library's console warning, Node's
 * own messages) is redacted too. Installed after the inputs' `::add-mask::` lines are out; returns the undo.
 */
export function guardStdio(
  redact: Redactor,
  streams: NodeJS.WriteStream[] = [process.stdout, process.stderr],
): () => void {
  const originals = streams.map((stream) => stream.write)
  for (const stream of streams) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string') return write(redact(chunk), ...rest)
      if (chunk instanceof Uint8Array) return write(redact(Buffer.from(chunk).toString('utf8')), ...rest)
      return write(chunk, ...rest)
    }) as Write
  }
  return () => streams.forEach((stream, i) => (stream.write = originals[i]!))
}
