const chinaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in China for an instant: what "today" means to users. */
export function chinaDate(at: Date): string {
  return chinaDay.format(at);
}
