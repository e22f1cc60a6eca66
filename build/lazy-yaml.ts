// What the bundle sees as `yaml` (build/tsconfig.json maps the name here). Only two inputs are written in YAML
// (metric-checks, pipeline-definition), yet src/config imports the parser statically, so every run compiled it
// (~280 kB) before its first request. This stand-in loads the real parser in ready(), which
// readConfigFromRunner (src/config/read.ts) awaits when one of those inputs is set, before the config is parsed;
// its functions then call the real ones synchronously, as the config code expects.
type Yaml = typeof import('../node_modules/yaml/dist/index.js')

let real: Yaml | undefined

/** Loads the real parser: after this, parse and parseDocument work. */
export async function ready(): Promise<void> {
  real ??= await import('../node_modules/yaml/dist/index.js')
}

function loaded(): Yaml {
  if (!real) throw new Error('the YAML parser was used before ready() loaded it (build/lazy-yaml.ts)')
  return real
}

export const parse = ((...args: Parameters<Yaml['parse']>) => loaded().parse(...args)) as Yaml['parse']

export const parseDocument = ((...args: Parameters<Yaml['parseDocument']>) =>
  loaded().parseDocument(...args)) as Yaml['parseDocument']

/** `e instanceof YAMLParseError` asks the real class. */
export const YAMLParseError = class {
  static [Symbol.hasInstance](value: unknown): boolean {
    return real !== undefined && value instanceof real.YAMLParseError
  }
} as unknown as Yaml['YAMLParseError']
