// The invariant matrix (cases.ts) for validate, a healthy linear deployment followed to its end.
import { matrixOf } from './cases.js'

matrixOf('validate, a healthy linear deployment followed to its end')
