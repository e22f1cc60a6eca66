// The invariant matrix (cases.ts) for validate on a healthy release, with rollback: service configured.
import { matrixOf } from './cases.js'

matrixOf('validate, a healthy release with rollback: service')
