import { describe, expect, it } from 'vitest';
import { isOverdue, nextRectificationStatus, rectificationCreateLock, rectificationHandleLock } from './rectification.js';

describe('rectification task moves', () => {
  it('when a task is open or returned, then the village may submit it, and nothing else happens to it', () => {
    expect(nextRectificationStatus('open', 'submit')).toBe('submitted');
    expect(nextRectificationStatus('returned', 'submit')).toBe('submitted');
    expect(nextRectificationStatus('open', 'verify')).toBeNull();
    expect(nextRectificationStatus('open', 'return')).toBeNull();
  });

  it('when a task is submitted, then it may be verified or returned, not submitted again', () => {
    expect(nextRectificationStatus('submitted', 'verify')).toBe('verified');
    expect(nextRectificationStatus('submitted', 'return')).toBe('returned');
    expect(nextRectificationStatus('submitted', 'submit')).toBeNull();
  });

  it('when a task is verified, then no move is legal', () => {
    for (const move of ['submit', 'verify', 'return'] as const) expect(nextRectificationStatus('verified', move)).toBeNull();
  });
});

describe('overdue and locks', () => {
  it('when the deadline has passed and the village still owes it, then it is overdue; submitted or verified tasks never are', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-04-10' }, '2026-04-11')).toBe(true);
    expect(isOverdue({ status: 'returned', deadline: '2026-04-10' }, '2026-04-11')).toBe(true);
    expect(isOverdue({ status: 'open', deadline: '2026-04-10' }, '2026-04-10')).toBe(false);
    expect(isOverdue({ status: 'submitted', deadline: '2026-04-10' }, '2026-05-01')).toBe(false);
    expect(isOverdue({ status: 'verified', deadline: '2026-04-10' }, '2026-05-01')).toBe(false);
  });

  it('when the campaign is before stage 2, in notice or final, then no task is created; final makes them read-only', () => {
    expect(rectificationCreateLock('mutual')).toBe('部门点评开始后才能下达整改任务');
    expect(rectificationCreateLock('department')).toBeNull();
    expect(rectificationCreateLock('city')).toBeNull();
    expect(rectificationCreateLock('notice')).toBe('结果公示期间不能再新建整改任务');
    expect(rectificationHandleLock('notice')).toBeNull();
    expect(rectificationHandleLock('final')).toBe('本年度已定星，整改任务只读');
  });
});
