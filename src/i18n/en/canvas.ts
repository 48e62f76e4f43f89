/** The pipeline canvas, its nodes and palette. */
export const canvas = {
  label: 'Knowledge pipeline',
  state: {
    loading: 'Checking connection…',
    error: 'Connection state unavailable',
    unknownProvider: 'Provider unavailable',
    notConnected: 'Not connected',
    connected: (p: { name: string }) => `Connected · ${p.name}`,
    expired: 'Expired',
    invalid: 'Invalid credential',
    missing: 'Credential missing',
  },
  unknownProviderName: (p: { id: string }) => `Unknown provider (${p.id})`,
  dataSource: 'Data source',
  palette: {
    title: 'Data sources',
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
