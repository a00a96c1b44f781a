import { stageIds, type LegacyStageId, type Standard } from '../../../shared/standards/standard.js';
import type { StandardError } from './engine/standard-validate.js';

// The engine and `fivestar rate` take any list of stages (format 2), but the app's score sheets,
// stage windows and campaign weights know the three stages mutual, department and city, plus a
// self-evaluation stage (kind `self`, its own workflow). A stored standard with another stage
// would have indicators nobody can score in the app, so it is refused with the place named
// instead of being accepted and rated with zeros.

export function appStageErrors(standard: Standard): StandardError[] {
  const errors: StandardError[] = [];
  standard.stages.forEach((stage, s) => {
    if (stageIds.includes(stage.id as LegacyStageId) || stage.kind === 'self') return;
    errors.push({
      path: `stages[${s}].id`,
      code: 'standard.stage_not_in_app',
      message: `本系统的评分流程只支持 mutual、department、city 三个阶段和自评（kind: self）；阶段“${stage.id}”可用 fivestar rate 计算，但不能在系统中录入`,
    });
  });
  return errors;
}
