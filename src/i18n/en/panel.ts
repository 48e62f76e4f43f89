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
  reauthorize: 'Re-authorize',
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
