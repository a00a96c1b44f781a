import { describe, expect, it } from 'vitest';
import { holdsPersonalNumber, pageOfList, personalNumberFields } from './stages.js';

describe('personal numbers in free text', () => {
  it('when a text holds an 18-digit ID or an 11-digit mobile number, then it is caught', () => {
    expect(holdsPersonalNumber('张家，身份证 22240319800101123X')).toBe(true);
    expect(holdsPersonalNumber('222403198001011234')).toBe(true);
    expect(holdsPersonalNumber('联系电话13812345678')).toBe(true);
    expect(holdsPersonalNumber('电话：138 1234 5678 以外')).toBe(false);
  });

  it('when a text holds ordinary numbers, then it passes', () => {
    expect(holdsPersonalNumber('三组 12 号 张家')).toBe(false);
    expect(holdsPersonalNumber('2026年3月走访，收入 12000 元')).toBe(false);
    // a 12-digit run is not a mobile number, a 19-digit run not an ID
    expect(holdsPersonalNumber('编号 138123456789')).toBe(false);
    expect(holdsPersonalNumber('2224031980010112345')).toBe(false);
  });

  it('when several fields are checked, then the offending ones are named', () => {
    expect(personalNumberFields({ household: '李家', findings: '电话13912345678', visitors: undefined })).toEqual(['findings']);
  });
});

describe('paging a list', () => {
  it('when page 2 of size 2 is asked of five, then items 3 and 4 and the total 5 come back', () => {
    expect(pageOfList([1, 2, 3, 4, 5], { page: 2, pageSize: 2 })).toEqual({ items: [3, 4], total: 5 });
  });
});
