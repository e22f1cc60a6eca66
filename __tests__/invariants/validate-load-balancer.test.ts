// The invariant matrix (cases.ts) for validate's default traffic check: a service behind a load balancer.
import { matrixOf } from './cases.js'

matrixOf('validate, a healthy service behind a load balancer with default inputs')
