// Dates in the reader's own locale ("Nov 27" or "27 Nov"). The formatters are made on first use:
// making one loads locale data, which took about 13 ms in every tab when done as a page loaded.
let day: Intl.DateTimeFormat | undefined;
let dayAndTime: Intl.DateTimeFormat | undefined;

/** A day and month: when an article appeared. */
export function shortDate(date: number | string | Date): string {
  day ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
  return day.format(new Date(date));
}

/** A day, month and time of day: when a topic was last checked. */
export function dateAndTime(date: number | Date): string {
  dayAndTime ??= new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  return dayAndTime.format(date);
}
