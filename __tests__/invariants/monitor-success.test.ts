// The invariant matrix (cases.ts) for the monitor following a run that succeeds.
import { matrixOf } from './cases.js'

matrixOf('monitor, a succeeding run')
