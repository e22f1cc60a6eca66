// Reads raw inputs for the section parsers, recording every problem instead of stopping at the first, so a
// user fixes them all in one round. Also the names the action derives from project-name and environment.
import { Defaults, SecretInputs, Inputs, type InputName } from '../inputs.js'
import { describeChar, type NameRule } from './constraints.js'
import { InputError } from './input-error.js'
import { nameParser, shown } from './parse.js'

/** Reads one raw input ('' when absent). The default reads the runner's INPUT_* variables. */
export type InputSource = (name: InputName) => string

/**
 * Inputs that hold several lines; every other input is one line. `service`: validate takes several, one per
 * line (create-pipeline's name rule still refuses a line break).
 */
const MULTILINE: readonly InputName[] = [Inputs.Tags, Inputs.AlarmNames, Inputs.MetricChecks, Inputs.Service]
/** Inputs sent in an HTTP header: printable ASCII without spaces. */
const TOKENS: readonly InputName[] = [Inputs.GithubToken, Inputs.SlackBotToken]

/**
 * The first character that has no place in a single-line value (a line break, any other control character, a
 * Unicode line or paragraph separator), or in a multi-line one (control characters other than line breaks
 * and tabs). A line break in a name, URL or token would split a log line, an HTTP header or a workflow command.
 */
function breakingCharacter(value: string, multiline: boolean): string | undefined {
  const re = multiline ? /(?![\n\r\t])\p{Cc}/u : /[\p{Cc}\u2028\u2029]/u
  return re.exec(value)?.[0]
}

/** The first character of a token that cannot travel in an HTTP header. */
function nonTokenCharacter(value: string): string | undefined {
  return [...value].find((c) => !/^[\x21-\x7e]$/.test(c))
}

/** The inputs a derived name is made of, as the user set them (at least one). */
export type Sources = readonly [InputName, ...InputName[]]

/** A name the action derives from other inputs when its own input is empty. */
export interface Derivation {
  value: string
  from: Sources
}

/** Whether every value is defined: each one that is not has recorded its problem. */
export function isComplete<T extends object>(
  values: T,
): values is { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.values(values).every((v) => v !== undefined)
}

/** Reads inputs, recording problems instead of stopping at the first. */
export class Reader {
  /** Problems with derived names, by the inputs they derive from: reported once per set of inputs. */
  private readonly derivedProblems = new Map<string, { from: Sources; parts: string[]; fix: Set<string> }>()
  private readonly lineChecked = new Set<InputName>()

  constructor(
    private readonly source: InputSource,
    private readonly errors: InputError[],
  ) {}

  /** Whether the user set the input (a literal default does not count). */
  given(name: InputName): boolean {
    return this.source(name).trim() !== ''
  }

  raw(name: InputName): string {
    const literal = (Defaults as Partial<Record<InputName, string>>)[name]
    const value = this.source(name).trim()
    if (value !== '' && !this.lineChecked.has(name)) {
      this.lineChecked.add(name)
      this.checkCharacters(name, value)
    }
    if (value !== '' && this.has(name)) return ''
    return value === '' ? (literal ?? '') : value
  }

  private checkCharacters(name: InputName, value: string): void {
    const secret = SecretInputs.includes(name)
    const bad = breakingCharacter(value, MULTILINE.includes(name))
    if (bad !== undefined) {
      this.problem(
        name,
        `contains ${describeChar(bad)}${secret ? ' (value hidden: it is a secret)' : ''}; accepted: ${MULTILINE.includes(name) ? 'lines of text without control characters' : 'a single line without control characters'}.`,
      )
      return
    }
    const nonToken = TOKENS.includes(name) ? nonTokenCharacter(value) : undefined
    if (nonToken !== undefined) {
      this.problem(
        name,
        `contains ${describeChar(nonToken)} (value hidden: it is a secret); accepted: the token as issued, printable ASCII without spaces (it is sent in an HTTP header).`,
      )
    }
  }

  optional(name: InputName): string | undefined {
    const v = this.raw(name)
    return v === '' ? undefined : v
  }

  /** Parses a present value; records the error and returns undefined when it is bad. */
  parse<T>(name: InputName, parser: (input: string, value: string) => T): T | undefined {
    const v = this.optional(name)
    return v === undefined ? undefined : this.attempt(() => parser(name, v))
  }

  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn()
    } catch (e) {
      if (e instanceof InputError) this.errors.push(e)
      else throw e
      return undefined
    }
  }

  /** Whether a problem is already recorded for `input` (a bad value should not also read as a missing one). */
  has(input: InputName): boolean {
    return this.errors.some((e) => e.inputs.includes(input))
  }

  /** Records a problem with `input`, unless one is already recorded for it (one message per input). */
  problem(input: InputName, message: string): undefined {
    if (!this.has(input)) this.errors.push(new InputError(input, message))
    return undefined
  }

  /**
   * A value held to an AWS/GitHub/Slack naming rule: the input when set, else the derived name. A derived name
   * that breaks the rule is blamed on the inputs it is made of, never on `name`, which the user did not set.
   */
  name(name: InputName, rule: NameRule, derived?: Derivation): string | undefined {
    if (this.optional(name) !== undefined) return this.parse(name, nameParser(rule))
    if (this.given(name) || derived === undefined) return undefined
    if (derived.from.some((f) => this.has(f))) return undefined
    const why = rule.problem(derived.value)
    if (why === undefined) return derived.value
    const key = derived.from.join('+')
    const entry = this.derivedProblems.get(key) ?? { from: derived.from, parts: [], fix: new Set<string>() }
    entry.parts.push(
      `${rule.what} ${shown(derived.value)}, which ${rule.owner} refuses because ${why} (accepted: ${rule.accepted})`,
    )
    entry.fix.add(name)
    this.derivedProblems.set(key, entry)
    return undefined
  }

  /** Whether a derived name from these inputs was refused (so it is not reported again as missing). */
  derivedFailed(from: Sources): boolean {
    return from.some((f) => this.has(f)) || this.derivedProblems.has(from.join('+'))
  }

  /** One error per set of inputs whose derived names were refused, naming those inputs. */
  flushDerived(): void {
    for (const { from, parts, fix } of this.derivedProblems.values()) {
      const verb = from.length > 1 ? 'give' : 'gives'
      const names = from.join(' and ')
      const problem =
        `${verb} ${parts.join('; and ')}. ` + `Change ${names}, or set ${[...fix].join(', ')} explicitly.`
      this.errors.push(new InputError(from[0], problem, from))
    }
    this.derivedProblems.clear()
  }
}
