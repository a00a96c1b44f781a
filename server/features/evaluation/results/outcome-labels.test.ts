import { describe, expect, it } from 'vitest';
import { outcomeLabels } from './outcome-labels.js';

describe('outcome labels', () => {
  it('when the standard names its levels, then each final level reads as its name and no level reads as none', () => {
    const labels = outcomeLabels({ outcomes: { display: 'labels', labels: [{ stars: 0, label: '未达标' }, { stars: 1, label: '达标' }, { stars: 2, label: '和美家园' }] } });
    expect(labels?.display).toBe('labels');
    expect([0, 1, 2, 3, null].map((s) => labels?.labelOf(s))).toEqual(['未达标', '达标', '和美家园', null, null]);
  });

  it('when the standard names none, then there are no labels to show', () => {
    expect(outcomeLabels({})).toBeNull();
  });
});
