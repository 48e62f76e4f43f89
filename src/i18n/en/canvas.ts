/** The pipeline canvas, its nodes and palette. */
export const canvas = {
  label: 'Knowledge pipeline',
  state: {
    loading: 'Checking connection…',
    /** The catalog or the credentials could not be loaded: the service is down or unreachable. */
    error: 'Service unavailable',
    unknownProvider: 'Provider unavailable',
    notConnected: 'Not connected',
    connected: (p: { name: string }) => `Connected · ${p.name}`,
    /** The grant lacks a scope the node needs (the panel lists which). */
    missingPermission: 'Missing permission',
    /** A grant without a refresh token: it works until its token expires, then stops. */
    expiring: (p: { name: string }) => `Expires, won’t renew · ${p.name}`,
    expired: 'Expired',
    invalid: 'Invalid credential',
    missing: 'Credential missing',
  },
  unknownProviderName: (p: { id: string }) => `Unknown provider (${p.id})`,
  dataSource: 'Data source',
  /** A node's title when its provider has several nodes on the canvas (also in delete dialogs). */
  numberedNode: (p: { name: string; index: number }) => `${p.name} #${p.index}`,
  palette: {
    title: 'Data sources',
    /** The folded palette's button at phone width. */
    open: 'Add data source',
    hint: 'Click to add, or drag onto the canvas.',
    add: (p: { name: string }) => `Add ${p.name} node`,
    loading: 'Loading providers…',
    error: 'Could not load the providers.',
    empty: 'No data sources are available.',
    added: (p: { name: string }) => `${p.name} node added`,
  },
  empty: {
    title: 'This pipeline is empty',
    body: 'Add a data source from the palette to start.',
  },
};
