/** Words shared by every part of the UI. */
export const common = {
  retry: 'Try again',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  loading: 'Loading…',
  optional: '(optional)',
  /** A select's placeholder while nothing is chosen, and its "no value" choice of an optional field. */
  choose: 'Choose…',
  none: 'None',
  field: {
    show: 'Show value',
    hide: 'Hide value',
    learnMore: 'Learn more',
  },
  /** A copy field's button and what it announces (`CopyField`). */
  copyField: {
    copy: 'Copy',
    copied: 'Copied',
    failed: 'Could not copy. Select the address and copy it yourself.',
  },
  error: {
    network: 'Could not reach the server. Check your connection and try again.',
    unauthorized: 'Your session has expired. Sign in again, then retry.',
    forbidden: 'You do not have permission to do this.',
    notFound: 'It no longer exists. It may have been deleted elsewhere.',
    conflict: 'Someone else changed this meanwhile. Review the latest version and try again.',
    rateLimited: (p: { seconds: number | null }) =>
      p.seconds
        ? `Too many requests. Try again in ${p.seconds} seconds.`
        : 'Too many requests. Wait a moment and try again.',
    server: 'The server had a problem. Trying again may help.',
    /** The server's own words after the general sentence (`serverDetail`). */
    details: (p: { detail: string }) => `Details: ${p.detail}`,
    unknown: 'Something went wrong.',
  },
};
