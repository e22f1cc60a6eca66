// The invariant matrix (cases.ts) for create-pipeline: updating a pipeline, starting the commit and following it;
// adding the Deploy guards (approval stage, rollback on failure).
import { matrixOf } from './cases.js'

matrixOf(
  'create-pipeline, an update that starts and follows the commit',
  'create-pipeline, an update that adds an approval stage and rollback on failure',
)
