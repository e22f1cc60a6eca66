// The `slack` section of a scenario: which webhooks, tokens and channels exist, and scripted failures.

export interface SlackScriptedAnswer {
  /** Which endpoint this answer applies to; omitted = both. */
  endpoint?: 'webhook' | 'chat.postMessage'
  /** HTTP status to answer with (429 adds Retry-After). For chat.postMessage, 200 + `error` means ok:false. */
  status?: number
  /** Slack error code: the plain-text body of a webhook error, the `error` of a chat.postMessage answer. */
  error?: string
  /** Retry-After seconds on a 429 (default 1). */
  retryAfter?: number
  /** How many matching requests get this answer (default: all of them). */
  times?: number
}

export interface SlackScenario {
  /** Webhook paths after /slack/webhook/ that exist (`T000/B000/XXXX`); omitted = any `T…/B…/…` path. */
  webhooks?: string[]
  /** Bot tokens chat.postMessage accepts; omitted = any `xoxb-`/`xoxp-` token. */
  tokens?: string[]
  /** Channels (IDs or names) that exist; omitted = any. */
  channels?: string[]
  /** Channels that exist but the bot is not a member of (not_in_channel). */
  notInChannel?: string[]
  /** Answers consumed in order, before normal handling (rate limits, outages, ok:false). */
  script?: SlackScriptedAnswer[]
}

export function parseSlackScenario(section: unknown): SlackScenario {
  if (section === undefined || section === null) return {}
  if (typeof section !== 'object' || Array.isArray(section))
    throw new Error('scenario.slack must be an object')
  return section as SlackScenario
}
