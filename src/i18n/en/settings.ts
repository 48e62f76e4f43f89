/** Settings → Data Sources. */
export const settings = {
  title: 'Data Sources',
  description: 'Authorize the services your pipelines read from. Credentials are stored encrypted.',
  search: 'Search data sources',
  filter: {
    label: 'Show',
    all: 'All',
    connected: 'Connected',
    notConnected: 'Not connected',
    needsAttention: 'Needs attention',
  },
  methodsLabel: 'Authorization methods',
  methods: { api_key: 'API Key', oauth2: 'OAuth' },
  configure: 'Configure',
  notConfigured: 'Not configured yet',
  needsAttention: (p: { count: number }) =>
    p.count === 1 ? '1 credential needs attention' : `${p.count} credentials need attention`,
  connectedCount: (p: { count: number }) =>
    p.count === 1 ? '1 credential' : `${p.count} credentials`,
  noMatch: 'No data source matches your search.',
  clearFilters: 'Clear filters',
  loadError: 'Could not load the data sources.',
  /** The catalog or the credentials cannot load because the service is down or unreachable. */
  unavailable: 'The data source service is unavailable.',
  loading: 'Loading data sources…',
  empty: 'No data sources are available.',
  results: (p: { shown: number; total: number }) => `Showing ${p.shown} of ${p.total} data sources`,
};
