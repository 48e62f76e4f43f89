import { useMemo } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { useNow } from './use-now';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `at` from `now` in the largest unit that fits ("in 3 days", "2 hours ago", "now"). */
export function relativeTimeText(at: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const delta = at - now;
  const size = Math.abs(delta);
  if (size < MINUTE) return format.format(0, 'second');
  if (size < HOUR) return format.format(Math.trunc(delta / MINUTE), 'minute');
  if (size < DAY) return format.format(Math.trunc(delta / HOUR), 'hour');
  return format.format(Math.trunc(delta / DAY), 'day');
}

/**
 * A moment as people say it, relative to now and moving on as time passes ("2 hours ago"), in
 * the content locale; the full date and time on hover (`title`), on keyboard focus and for
 * screen readers.
 * `children` wraps the relative words in a sentence ("Verified 2 hours ago").
 */
export function RelativeTime({
  at,
  children = (text) => text,
}: {
  /** An ISO 8601 timestamp. */
  at: string;
  children?: (relative: string) => string;
}) {
  const locale = useLocale();
  const now = useNow();
  const time = Date.parse(at);
  const full = useMemo(
    () =>
      Number.isNaN(time)
        ? ''
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time),
    [locale, time],
  );
  if (Number.isNaN(time)) return null;
  return (
    // A focus stop on purpose: the full date shows on keyboard focus as it does on hover (ui.css),
    // which a keyboard user has no other way to reach.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <time className="pc-relative-time" dateTime={at} title={full} tabIndex={0}>
      {children(relativeTimeText(time, now, locale))}
      <span className="pc-visually-hidden"> ({full})</span>
    </time>
  );
}
