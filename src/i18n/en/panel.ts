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
  followDefault: (p: { name: string }) => `Default credential (${p.name})`,
  followDefaultNone: 'Default credential (none)',
  defaultBadge: 'default',
  expiredSuffix: 'expired',
  expired: 'This credential has expired. Re-authorize it to keep the pipeline running.',
  invalid: 'The provider rejected this credential. Edit or replace it.',
  reauthorize: 'Re-authorize',
  missing:
    'The credential this node used was deleted. Choose another credential or connect a new one.',
  unknownProvider: (p: { id: string }) =>
    `This node reads from “${p.id}”, which is no longer available. Delete the node or ask your administrator to restore the provider.`,
  deleteNode: 'Delete node',
  loadError: 'Could not load the connection state.',
  manage: 'Credentials',
  openSettings: 'Open in Settings',
};
