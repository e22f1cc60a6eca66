// The invariant matrix (cases.ts) for the monitor following a run that succeeds, a run whose build fails, a failed
// deploy and its automatic rollback, and a run stopped at its manual approval.
import { matrixOf } from './cases.js'

matrixOf(
  'monitor, a succeeding run',
  'monitor, a failing build',
  'monitor, a failed deploy rolled back and followed',
  'monitor, a run stopped at its manual approval, with a reason',
)
