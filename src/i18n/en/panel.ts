/** The side panel of a data-source node. */
export const panel = {
  label: (p: { name: string }) => `${p.name} connection`,
  close: 'Close panel',
  connect: {
    connect: 'Connect',
    connectAnother: 'Add credential',
    addOAuth: 'Add OAuth',
    addApiKey: 'Add API Key',
    clientSettings: 'OAuth Client Settings',
  },
  notConnected: 'This data source is not connected. Connect it so the pipeline can read from it.',
  credential: 'Credential',
  followDefault: (p: { name: string }) => `Use the default (${p.name})`,
  followDefaultNone: 'Use the default (none set)',
  /** The secondary line of the credential that is the default now. */
  defaultDescription: 'Default',
  expired: 'This credential has expired. Re-authorize it to keep the pipeline running.',
  invalidOAuth: 'The provider rejected this credential. Re-authorize it or connect another.',
  invalidApiKey: 'The provider rejected this API Key. Edit it or connect another.',
  /** A grant without a refresh token (`expiring`): it stops at its expiry. */
  expiring:
    'This access cannot renew itself and stops when it expires. Re-authorize and allow it to stay connected.',
  reauthorize: 'Re-authorize',
  /** What the node needs from an OAuth grant, ticked off against what the provider granted. */
  permissions: {
    title: 'Permissions',
    /** After each permission's words, for screen readers (the tick or cross says it on screen). */
    granted: 'granted',
    notGranted: 'not granted',
    reauthorizeToAdd: (p: { purpose: string }) => `Re-authorize to add “${p.purpose}”`,
    reauthorizeToAddSeveral: (p: { count: number }) => `Re-authorize to add ${p.count} permissions`,
  },
  edit: 'Edit',
  missing:
    'The credential this node used was deleted. Choose another credential or connect a new one.',
  unknownProvider: (p: { id: string }) =>
    `This node reads from “${p.id}”, which is no longer available. Delete the node or ask your administrator to restore the provider.`,
  deleteNode: 'Delete node',
  /** An outage: the catalog or the credentials could not be read; the server's words follow. */
  unavailable: 'The connection service is unavailable.',
  loadError: 'Could not load the connection state.',
  manage: 'Credentials',
  openSettings: 'Open in Settings',
};
