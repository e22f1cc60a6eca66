// The one door out: nothing printed can start a workflow command, and nothing printed carries a secret.
import { describe, expect, it } from '@jest/globals'
import { guardStdio, inert, openDoor, type RunnerCore } from '../src/door.js'
import { createRedactor } from '../src/secrets.js'
import { commandLines } from './helpers/commands.js'

const HOSTILE = [
  '::add-mask::everything',
  '  ::error::forged',
  '\t::stop-commands::abc',
  'fine\n::set-output name=result::success',
  'fine\r::warning::after a bare CR',
  'fine\r\n::notice::after CRLF',
  'text ##[error]old form in the middle',
  '\u00a0::debug::after a no-break space',
  '\u001f::group::after a unit separator',
  '\u2028::endgroup::',
]

describe('inert', () => {
  it.each(HOSTILE)('%j cannot start a command', (text) => {
    expect(commandLines(inert(text))).toEqual([])
  })
  it('leaves ordinary text as it was, line breaks as LF', () => {
    expect(inert('Stage Build: Failed\r\nsee the log: https://x/a::b')).toBe(
      'Stage Build: Failed\nsee the log: https://x/a::b',
    )
  })
})

function recordingCore(): RunnerCore & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(m),
    debug: (m) => lines.push(`::debug::${m}`),
    warning: (m) => lines.push(`::warning::${m}`),
    error: (m) => lines.push(`::error::${m}`),
    setFailed: (m) => lines.push(`::error::${m}`),
    startGroup: (m) => lines.push(`::group::${m}`),
    endGroup: () => lines.push('::endgroup::'),
  }
}

describe('openDoor', () => {
  const secret = 'xoxb-1111-2222-s3cr3t'
  it('redacts and neutralises every kind of message', async () => {
    const core = recordingCore()
    const door = openDoor(core, createRedactor([secret]))
    door.info(`build said:\n::add-mask::${secret}`)
    door.debug(`stack: Error at ${encodeURIComponent(secret)}`)
    door.warning(`warned ${secret}`)
    door.error('x')
    door.fail(`failed ${JSON.stringify(secret)}`)
    await door.group(`group ${secret}`, async () => door.info('inside'))
    const out = core.lines.join('\n')
    expect(out).not.toContain('s3cr3t')
    expect(
      commandLines(core.lines.filter((l) => !/^::(debug|warning|error|group|endgroup)::/.test(l)).join('\n')),
    ).toEqual([])
  })
})

describe('guardStdio', () => {
  it('redacts what reaches the stream by another way, and undoes itself', () => {
    const written: string[] = []
    const stream = {
      write: (chunk: unknown) => (written.push(String(chunk)), true),
    } as unknown as NodeJS.WriteStream
    const undo = guardStdio(createRedactor(['ghs_abcdefgh123']), [stream])
    stream.write('token ghs_abcdefgh123\n')
    stream.write(Buffer.from('again ghs_abcdefgh123'))
    undo()
    stream.write('ghs_abcdefgh123')
    expect(written).toEqual(['token ***\n', 'again ***', 'ghs_abcdefgh123'])
  })
})
