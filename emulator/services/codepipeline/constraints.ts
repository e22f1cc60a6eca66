// What CreatePipeline/UpdatePipeline check beyond the CodePipeline model. Every other length, range, pattern and
// enum comes from the model itself (emulator/models/codepipeline.json).
import type { ModelConstraints } from '../../core/types.js'

export const codepipelineConstraints: ModelConstraints = {
  // The model states no bound for an action's configuration map or for CreatePipeline's tags. These are the
  // bounds the emulator enforced before it read the current model (for the same kind of map, a rule's
  // configuration, the model says max 200), kept so that its answers do not change.
  'CreatePipeline|UpdatePipeline': { 'pipeline.stages[].actions[].configuration': { max: 200 } },
  CreatePipeline: { tags: { max: 200 } },
}
