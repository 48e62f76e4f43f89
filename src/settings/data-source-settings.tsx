import { Search } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useAllCredentials, useProviders } from '../data-sources/use-credentials';
import { useMessages } from '../i18n/i18n-context';
import { useThemeAttributes } from '../theme/color-mode';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { Select } from '../ui/select';
import { ProviderCard } from './provider-card';
import { matchesProvider, providerHealth, type ProviderFilter } from './provider-health';
import { SettingsLoadFailure } from './settings-load-failure';

/** Props of {@link DataSourceSettings}. */
export interface DataSourceSettingsProps {
  /** Scrolls to and highlights this provider's card (e.g. from a node's panel). */
  focusProviderId?: string;
  className?: string;
}

const filters: ProviderFilter[] = ['all', 'connected', 'not-connected', 'needs-attention'];

function isFilter(value: string): value is ProviderFilter {
  return (filters as string[]).includes(value);
}

/**
 * **Settings → Data Sources**: a card per provider of the catalog with **Configure** and its
 * credentials, searchable by name and filterable by state. Place it in the host's settings
 * page or dialog; it shares the canvas's queries, so changes show on both at once.
 */
export function DataSourceSettings({ focusProviderId, className }: DataSourceSettingsProps) {
  const m = useMessages().settings;
  const theme = useThemeAttributes();
  const providers = useProviders();
  const credentials = useAllCredentials();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<ProviderFilter>('all');
  const searchId = useId();
  const filterId = useId();
  const focusRef = useRef<HTMLElement>(null);

  const cards = useMemo(() => {
    if (!providers.data) return [];
    return providers.data.map((provider) => ({
      provider,
      health: providerHealth(provider, credentials.data ?? []),
    }));
  }, [providers.data, credentials.data]);
  const shown = cards.filter(({ provider, health }) =>
    matchesProvider(provider, health, search, filter),
  );

  // Data kept from an earlier success stays on screen when a refetch fails (the alert says so).
  const ready = providers.data !== undefined && credentials.data !== undefined;
  const failure = providers.isError
    ? providers.error
    : credentials.isError
      ? credentials.error
      : null;
  useEffect(() => {
    if (!ready || !focusProviderId) return;
    focusRef.current?.scrollIntoView({ block: 'nearest' });
    focusRef.current?.focus({ preventScroll: true });
  }, [ready, focusProviderId]);

  const filterLabel: Record<ProviderFilter, string> = {
    all: m.filter.all,
    connected: m.filter.connected,
    'not-connected': m.filter.notConnected,
    'needs-attention': m.filter.needsAttention,
  };

  return (
    <div className={cn('pc-settings', className)} {...theme}>
      <p className="pc-settings-description">{m.description}</p>
      <div className="pc-settings-toolbar">
        <div className="pc-settings-search">
          <Search aria-hidden size={16} />
          <label htmlFor={searchId} className="pc-visually-hidden">
            {m.search}
          </label>
          <input
            id={searchId}
            type="search"
            className="pc-input"
            placeholder={m.search}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="pc-settings-filter-group">
          <span id={filterId} className="pc-settings-filter-label">
            {m.filter.label}
          </span>
          <Select
            aria-labelledby={filterId}
            className="pc-settings-filter"
            value={filter}
            onValueChange={(value) => {
              if (isFilter(value)) setFilter(value);
            }}
            options={filters.map((value) => ({ value, label: filterLabel[value] }))}
          />
        </div>
      </div>

      {!ready && !failure ? <p className="pc-settings-status">{m.loading}</p> : null}
      {failure ? (
        <SettingsLoadFailure
          error={failure}
          onRetry={() => {
            if (providers.isError) void providers.refetch();
            if (credentials.isError) void credentials.refetch();
          }}
        />
      ) : null}
      {ready && cards.length === 0 ? <p className="pc-settings-status">{m.empty}</p> : null}
      {ready && cards.length > 0 ? (
        <>
          <p className="pc-visually-hidden" role="status">
            {m.results({ shown: shown.length, total: cards.length })}
          </p>
          {shown.length === 0 ? (
            <div className="pc-settings-status">
              <p>{m.noMatch}</p>
              <Button
                size="sm"
                onClick={() => {
                  setSearch('');
                  setFilter('all');
                }}
              >
                {m.clearFilters}
              </Button>
            </div>
          ) : null}
          <div className="pc-settings-cards">
            {shown.map(({ provider, health }) => (
              <ProviderCard
                key={provider.id}
                ref={provider.id === focusProviderId ? focusRef : undefined}
                provider={provider}
                health={health}
                highlighted={provider.id === focusProviderId}
              />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
