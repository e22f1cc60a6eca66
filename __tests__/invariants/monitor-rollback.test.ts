// The invariant matrix (cases.ts) for the monitor following a failed deploy and its automatic rollback.
import { matrixOf } from './cases.js'

matrixOf('monitor, a failed deploy rolled back and followed')
