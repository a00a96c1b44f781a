// A deleted row can no longer name its field from the database: its row key does, in Chinese.
import { describe, expect, it } from 'vitest';
import { deletedFieldLabel } from './seal.js';

const village = '0b7c6f64-3f1a-4c55-9d51-1b1d3c0f7a10';
const names = (id: string) => ({ teamBuilding: '班子队伍建设' })[id] ?? id;

describe('the field of a deleted sealed row', () => {
  it('when a score row is gone, then its stage, indicator and field are named', () => {
    expect(deletedFieldLabel('score', `score/city/${village}/teamBuilding`, 'points', names)).toBe('市级考评·班子队伍建设·得分');
    expect(deletedFieldLabel('score', `score/mutual/${village}/teamBuilding`, 'enteredBy', names)).toBe('摸底互评·班子队伍建设·评分人');
  });

  it('when a result, a town score or a notice is gone, then each field has its Chinese name', () => {
    expect(deletedFieldLabel('result', `result/${village}`, 'score', names)).toBe('综合得分');
    expect(deletedFieldLabel('result', `result/${village}`, 'stars', names)).toBe('星级');
    expect(deletedFieldLabel('town_score', `town_score/${village}`, 'score', names)).toBe('镇党委自身得分');
    expect(deletedFieldLabel('notice', `notice/${village}`, 'content', names)).toBe('公示内容');
  });
});
