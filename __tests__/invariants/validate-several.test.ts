// The invariant matrix (cases.ts) for validate with several services of one release (service: one per line).
import { matrixOf } from './cases.js'

matrixOf('validate, two healthy services of one release')
