// Scenarios: a JSON or YAML file in emulator/scenarios/ (by name) or anywhere (by path), or an object built in
// code. Top-level keys are the scenario's own settings plus one section per plugin (its scenarioKey).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

export interface Scenario {
  name?: string
  description?: string
  /** Emulator time at start: ISO-8601 or epoch ms. Default: the real time when the emulator starts. */
  start?: string | number
  region?: string
  accountId?: string
  /** Seed for ids and fault dice, unless startEmulator({ seed }) overrides it. */
  seed?: number
  /** Plugin sections, by scenarioKey. */
  [section: string]: unknown
}

export const SCENARIO_SETTINGS = ['name', 'description', 'start', 'region', 'accountId', 'seed']

export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios')

/** A scenario by name (`healthy-release`), by file path, or as given. */
export function loadScenario(input: string | Scenario | undefined): Scenario {
  if (input === undefined) return {}
  if (typeof input !== 'string') return input
  const file = findScenarioFile(input)
  const text = readFileSync(file, 'utf8')
  const parsed = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Scenario ${file} must hold an object`)
  }
  return { name: input, ...(parsed as Scenario) }
}

function findScenarioFile(nameOrPath: string): string {
  if (existsSync(nameOrPath) && /\.(json|ya?ml)$/.test(nameOrPath)) return resolve(nameOrPath)
  for (const ext of ['.yaml', '.yml', '.json']) {
    const file = join(SCENARIO_DIR, nameOrPath + ext)
    if (existsSync(file)) return file
  }
  throw new Error(`No scenario "${nameOrPath}": not a file, and not in ${SCENARIO_DIR} as .yaml/.yml/.json`)
}

export function scenarioStart(value: string | number | Date | undefined): number | undefined {
  if (value === undefined) return undefined
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value)
  if (Number.isNaN(ms)) throw new Error(`Scenario start "${String(value)}" is not a date`)
  return ms
}
