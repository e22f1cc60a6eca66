// Where a secret leaked to: every form it could take once written out, searched for in every place a step
// writes (stdout but for its ::add-mask:: lines, the summary, outputs, payloads the emulator received).

/** Plain, URL-encoded, JSON-escaped, Markdown-escaped and base64 (at each alignment) forms of a secret. */
export function secretForms(secret: string): string[] {
  const markdown = secret.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`)
  const base64 = [0, 1, 2].map((skip) => {
    const bytes = Buffer.from(secret).subarray(skip)
    return bytes.subarray(0, bytes.length - (bytes.length % 3)).toString('base64')
  })
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), markdown, ...base64]
  return [...new Set(forms)]
}

/** stdout as places, one a line, without the ::add-mask:: lines (the runner consumes them). */
export function stdoutPlaces(stdout: string): [string, string][] {
  return stdout
    .split('\n')
    .map((line, i): [string, string] => [`stdout line ${i}`, line])
    .filter(([, line]) => !line.startsWith('::add-mask::'))
}

/** "<place> contains <form>" for every form of every secret found in a place. */
export function leaksIn(places: [string, string][], secrets: string[]): string[] {
  return secrets.flatMap((secret) =>
    secretForms(secret).flatMap((form) =>
      places.filter(([, text]) => text.includes(form)).map(([where]) => `${where} contains ${form}`),
    ),
  )
}
