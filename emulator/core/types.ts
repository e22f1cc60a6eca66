// The contract between the emulator's HTTP core (emulator/core) and its service modules
// (emulator/services/*). Service modules never see HTTP: they get a decoded input and return a
// plain output object, or throw AwsError. The core owns wire protocols, model validation,
// faults, the request log and the clock.

export type Protocol =
  | 'awsJson1_1' // CodePipeline, CodeBuild, ECS, CloudWatch Logs: X-Amz-Target routed JSON
  | 'awsJson1_0' // CloudWatch (query-compatible JSON: x-amzn-query-error on errors)
  | 'awsQuery' // SNS (and old CloudWatch clients): form-encoded request, XML response

/** An AWS error as the service would send it. The core turns it into the wire format of the protocol. */
export class AwsError extends Error {
  constructor(
    /** `__type` / x-amzn-ErrorType, e.g. `PipelineNotFoundException`. */
    readonly code: string,
    message: string,
    /** HTTP status: 400 for client faults, 5xx for server faults. */
    readonly status = 400,
    /** awsQuery error code where it differs from `code` (CloudWatch: `InvalidParameterValue`). */
    readonly queryCode?: string,
  ) {
    super(message)
    this.name = code
  }
  get fault(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender'
  }
}

/** Emulated time. Scenario timelines are measured on it; tests may run it faster than real time. */
export interface EmulatorClock {
  /** Milliseconds since the Unix epoch, in emulator time. */
  now(): number
  /** Move emulator time forward (manual clocks; also allowed on scaled clocks). */
  advance(ms: number): void
}

export interface RequestContext {
  clock: EmulatorClock
  region: string
  accountId: string
  requestId: string
}

/**
 * One operation. `input` is the decoded request: JSON members as sent, timestamps already turned into
 * `Date` (the core converts them using the service model). Return the output members; `Date` values are
 * serialised by the core (epoch seconds for JSON, ISO-8601 for awsQuery XML).
 */
export type Handler = (input: any, ctx: RequestContext) => unknown | Promise<unknown>

export interface AwsService {
  /** Short name used in the request log and fault config: `codepipeline`, `ecs`, `monitoring`, `sns`, … */
  name: string
  /** X-Amz-Target prefix (JSON protocols), e.g. `CodePipeline_20150709`. */
  targetPrefix: string
  protocol: Protocol
  /**
   * The service model that requests are checked against (required members, types, lengths, ranges, patterns,
   * enums) and awsQuery forms decoded with: a name in emulator/models/, e.g. `ecs` for models/ecs.json.
   */
  model?: string
  operations: Record<string, Handler>
  /**
   * Error codes the core uses for errors it raises itself (model validation, injected faults). Defaults per
   * protocol: JSON → ValidationException / ThrottlingException / InternalFailure; awsQuery → InvalidParameter /
   * Throttling / InternalError. CloudWatch sets e.g. `invalid: { code: 'InvalidParameterValueException',
   * queryCode: 'InvalidParameterValue' }`.
   */
  errorCodes?: ServiceErrorCodes
  /**
   * Constraints AWS checks that its model does not state (lengths, patterns, enums, ranges), by operation and
   * member path; laid over the model's own. See emulator/core/constraints.ts for the path syntax.
   */
  constraints?: ModelConstraints
}

/** An error code as sent on the wire: `code` for `__type`, `queryCode` for awsQuery / x-amzn-query-error. */
export interface ErrorCodeSpec {
  code: string
  queryCode?: string
}
export interface ServiceErrorCodes {
  /** A required member is missing. Defaults to `invalid`. */
  missing?: ErrorCodeSpec
  /** A member has the wrong type or breaks a constraint. */
  invalid?: ErrorCodeSpec
  throttling?: ErrorCodeSpec
  /** Injected 500 answers. */
  internal?: ErrorCodeSpec
}

/** One member constraint (the model's min/max/pattern/enum traits, Smithy's @length/@range/@pattern/@enum). */
export interface MemberConstraint {
  /** Length of a string / list / map, or the value of a number. */
  min?: number
  max?: number
  pattern?: string
  enum?: readonly string[]
  /**
   * The handler checks this member's value and answers in the service's own words (CloudWatch's "The value X
   * for parameter Y is not valid."), so the model's constraints on it are not applied; its type still is.
   */
  checkedByHandler?: true
}
/**
 * Operation name (or several joined by `|`, or `*`) → member path → constraint. Paths are dotted member names;
 * `[]` steps into list members, `{}` into map values, `{key}` names map keys: `pipeline.stages[].actions[].name`,
 * `pipeline.stages[].actions[].configuration{}`, `pipeline.stages[].actions[].configuration{key}`.
 */
export type ModelConstraints = Record<string, Record<string, MemberConstraint>>

/** A non-AWS endpoint (Slack, GitHub). Paths are matched after the emulator's base URL. */
export interface HttpRequest {
  method: string
  path: string // without query string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: string
}
export interface HttpResponse {
  status: number
  headers?: Record<string, string>
  body?: string
}
export interface HttpRoute {
  /** Name used in the request log and fault config, e.g. `slack`, `github`. */
  service: string
  /** Operation name for the log, derived from the request (e.g. `chat.postMessage`, `createCommitStatus`). */
  match(req: HttpRequest): string | undefined
  handle(req: HttpRequest, ctx: RequestContext): HttpResponse | Promise<HttpResponse>
  /**
   * Optional: how this endpoint answers an injected fault (`deny`, `throttle`, `error` with its status), for
   * an AWS service served as routes (API Gateway's restJson1); Slack's and GitHub's answers otherwise.
   */
  fault?(kind: 'deny' | 'throttle' | 'error', status: number | undefined, ctx: RequestContext): HttpResponse
}

/**
 * Shared by all plugins of one emulator instance, so that services can affect each other the way AWS
 * services do (a CodePipeline ECS deploy action starts an ECS deployment). Each plugin registers its state
 * under its own key; a plugin that needs another one looks it up at call time and copes with its absence.
 */
export interface World {
  clock: EmulatorClock
  region: string
  accountId: string
  /** Seeded PRNG for anything random (ids); deterministic per emulator seed. */
  random(): number
  states: Record<string, unknown>
}

/** ECS's face towards other services (registered by the ECS plugin as `world.states.ecs`). */
export interface EcsDeployTarget {
  /** Start a rolling deployment of new images, as the CodePipeline ECS deploy action does. Throws AwsError. */
  deployImages(cluster: string, service: string, images: { name: string; imageUri: string }[]): void
}

/** One service family of the emulator: its scenario section → its AWS services and HTTP routes. */
export interface EmulatorPlugin {
  /** Key of this plugin's section in a scenario (`codepipeline`, `ecs`, `cloudwatch`, `slack`, …). */
  scenarioKey: string
  create(section: unknown, world: World): PluginInstance
}

export interface PluginInstance {
  services?: AwsService[]
  routes?: HttpRoute[]
  /**
   * Optional: bring lazily computed state up to `world.clock.now()`. The core calls it for every plugin before
   * each request, so effects one service has on another (a CodePipeline deploy action starting an ECS
   * deployment) happen before any service answers, whichever service the request is for.
   */
  settle?(): void
}

/**
 * Emulated time with the extra the core's clock offers: run a callback while `now()` reads an earlier instant,
 * so that effects computed late (lazily) are stamped with the moment they belong to.
 */
export interface SettableClock extends EmulatorClock {
  runAt<T>(ms: number, fn: () => T): T
}
