/** Words of the credential list and its row actions. */
export const manage = {
  listLabel: (p: { provider: string }) => `${p.provider} credentials`,
  loading: 'Loading credentials…',
  empty: 'No credentials yet.',
  emptyHint: 'Add an API key or connect with OAuth to create one.',
  loadFailed: 'Could not load the credentials.',
  method: { api_key: 'API Key', oauth2: 'OAuth' },
  /** Stands for a stored key, which is never sent back; screen readers hear `maskedHintLabel`. */
  maskedHint: '••••••••',
  maskedHintLabel: 'Key hidden',
  /** An API key credential stored without a secret (an optional key left empty). */
  noKey: 'no key',
  defaultBadge: 'Default',
  status: { active: 'Active', expired: 'Expired', invalid: 'Invalid' },
  /** How the credential's health stands, and since when (relative, e.g. "2 hours ago"). */
  health: {
    verified: (p: { time: string }) => `Verified ${p.time}`,
    expires: (p: { time: string }) => `Expires ${p.time}`,
    expired: (p: { time: string }) => `Expired ${p.time}`,
    refreshFailed: (p: { time: string }) => `Refresh failed ${p.time} — re-authorize`,
    refreshFailedUndated: 'Refresh failed — re-authorize',
    /** A grant without a refresh token: it lapses at its expiry unless re-authorized. */
    expiresNoRenewal: (p: { time: string }) => `Expires ${p.time} — re-authorize to renew`,
  },
  moreActions: (p: { name: string }) => `More actions for ${p.name}`,
  actions: {
    test: 'Test connection',
    rename: 'Rename',
    edit: 'Edit',
    reauthorize: 'Re-authorize',
    setDefault: 'Set as default',
    delete: 'Delete',
  },
  test: {
    /** A notice: the credential's name, then the provider's verdict (apiKey.test.outcome). */
    result: (p: { name: string; sentence: string }) => `“${p.name}”: ${p.sentence}`,
    testing: 'Testing…',
    failed: (p: { name: string }) => `Could not test “${p.name}”.`,
  },
  rename: {
    label: (p: { name: string }) => `New name for ${p.name}`,
    save: 'Save',
    cancel: 'Cancel',
    keyboardHint: 'Enter saves, Escape cancels.',
    renamed: (p: { name: string }) => `Renamed to “${p.name}”.`,
    stale:
      'Someone else changed this credential meanwhile. The list has been refreshed; try again.',
  },
  setDefault: {
    done: (p: { name: string }) => `“${p.name}” is now the default.`,
    failed: (p: { name: string }) => `Could not make “${p.name}” the default.`,
  },
  delete: {
    title: 'Delete credential',
    description: (p: { name: string }) =>
      `Delete “${p.name}”? Pipelines that use it stop working until they get another credential.`,
    usedBy: (p: { count: number }) =>
      p.count === 1 ? 'Used by 1 node:' : `Used by ${p.count} nodes:`,
    unused: 'Not used by any node.',
    defaultNote:
      'It is the default: nodes that follow the default switch to the oldest remaining credential, if there is one.',
    confirm: 'Delete',
    deleting: 'Deleting…',
    deleted: (p: { name: string }) => `“${p.name}” was deleted.`,
  },
};
