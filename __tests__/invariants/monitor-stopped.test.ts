// The invariant matrix (cases.ts) for the monitor following a run stopped at its manual approval.
import { matrixOf } from './cases.js'

matrixOf('monitor, a run stopped at its manual approval, with a reason')
