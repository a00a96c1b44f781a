import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../shared/standards/standard.js';
import { appStageErrors } from './app-stages.js';
import { smallStandard } from './engine/test-fixtures.js';
import { readStandard } from './engine/standard-validate.js';
import { readJson } from './engine/test-fixtures.js';

describe('stages the app can score', () => {
  it('when a standard has the three stages and a self-evaluation, then the app takes it', () => {
    const s = readStandard(smallStandard());
    const withSelf: Standard = { ...s, stages: [{ id: 'self', name: '自评', kind: 'self', weight: 0, referenceOnly: true }, ...s.stages] };
    expect(appStageErrors(withSelf)).toEqual([]);
  });

  it('when a format-2 standard names its own stages, then the app refuses them by place (fivestar rate still rates it)', () => {
    const s = readStandard(readJson('standards/satisfaction-targets-100.json'));
    expect(appStageErrors(s).map((e) => [e.path, e.code])).toEqual([
      ['stages[1].id', 'standard.stage_not_in_app'],
      ['stages[2].id', 'standard.stage_not_in_app'],
    ]);
  });
});
