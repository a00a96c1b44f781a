// Pure rules shared by the stage 1 and 2 field-work records.

// An 18-digit resident ID (last digit may be X) or an 11-digit mainland mobile number, anywhere
// in free text: these records are shown to teams and panels and must not hold either.
const idNumber = /(^|\D)\d{17}[\dXx](?!\d)/;
const mobile = /(^|\D)1[3-9]\d{9}(?!\d)/;

export function holdsPersonalNumber(text: string): boolean {
  return idNumber.test(text) || mobile.test(text);
}

/** The fields (by name) of a record whose text holds an ID or phone number. */
export function personalNumberFields(fields: Record<string, string | undefined>): string[] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined && holdsPersonalNumber(v))
    .map(([k]) => k);
}

/** Pages a list held in memory (a county has a few hundred villages at most). */
export function pageOfList<T>(items: T[], page: { page: number; pageSize: number }): { items: T[]; total: number } {
  return { items: items.slice((page.page - 1) * page.pageSize, page.page * page.pageSize), total: items.length };
}
