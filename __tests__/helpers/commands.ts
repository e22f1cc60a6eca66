// The runner's two workflow-command forms, as actions/runner parses a line (src/Runner.Common/ActionCommand.cs):
// `::name …::data` after leading white space (.NET's, which includes NEL and the information separators), and
// `##[name …]data` anywhere in the line. Lines end at CR, LF or CRLF.

/** The lines of `stdout` the runner would treat as commands. */
export function commandLines(stdout: string): string[] {
  // eslint-disable-next-line no-control-regex -- the runner trims these separators too
  const ws = /^[\s\u0085\u001c-\u001f]*/
  return stdout
    .split(/\r\n|\r|\n/)
    .filter((line) => line.replace(ws, '').startsWith('::') || line.includes('##['))
}
