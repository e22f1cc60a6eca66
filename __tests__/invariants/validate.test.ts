// The invariant matrix (cases.ts) for validate: a healthy release with rollback: service configured; the default
// traffic check of a service behind a load balancer; a linear deployment followed to its end; several services of
// one release (service: one per line).
import { matrixOf } from './cases.js'

matrixOf(
  'validate, a healthy release with rollback: service',
  'validate, a healthy service behind a load balancer with default inputs',
  'validate, a healthy linear deployment followed to its end',
  'validate, two healthy services of one release',
)
