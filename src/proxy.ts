// Routes each AWS request through HTTPS_PROXY unless NO_PROXY exempts its host (self-hosted runners).
import type { ClientRequest, RequestOptions } from 'node:http'
import http from 'node:http'
import https from 'node:https'
import { Agent, type AgentConnectOpts } from 'agent-base'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { getProxyForUrl } from 'proxy-from-env'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { HTTP_TIMEOUTS } from './aws.js'

class EnvProxyAgent extends Agent {
  private readonly proxies = new Map<string, HttpsProxyAgent<string>>()

  override connect(req: ClientRequest, opts: AgentConnectOpts): http.Agent {
    const secure = opts.secureEndpoint
    const url = `${secure ? 'https' : 'http'}://${req.host}:${(opts as RequestOptions).port ?? (secure ? 443 : 80)}`
    const proxy = getProxyForUrl(url)
    if (!proxy) return secure ? https.globalAgent : http.globalAgent
    let agent = this.proxies.get(proxy)
    if (!agent) this.proxies.set(proxy, (agent = new HttpsProxyAgent(proxy, { keepAlive: true })))
    return agent
  }
}

export function proxyAwareHandler(): NodeHttpHandler {
  const agent = new EnvProxyAgent({ keepAlive: true })
  return new NodeHttpHandler({ httpAgent: agent, httpsAgent: agent, ...HTTP_TIMEOUTS })
}
