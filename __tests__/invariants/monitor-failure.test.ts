// The invariant matrix (cases.ts) for the monitor following a run whose build fails.
import { matrixOf } from './cases.js'

matrixOf('monitor, a failing build')
