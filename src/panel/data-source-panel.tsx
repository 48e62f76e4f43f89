import { useReactFlow, useStoreApi } from '@xyflow/react';
import { X } from 'lucide-react';
import { useEffect } from 'react';
import { connectionLabel } from '../data-sources/connection-label';
import type { DataSourceNode, PipelineNode } from '../data-sources/pipeline-types';
import { providerDisplayName } from '../data-sources/provider-display-name';
import { ProviderIcon } from '../data-sources/provider-icon';
import { useConnectionState } from '../data-sources/use-connection-state';
import type { Credential } from '../credentials/backend';
import { AddOAuthDialogs } from '../connect/add-oauth-dialogs';
import { useAddOAuth } from '../connect/use-add-oauth';
import { useMessages } from '../i18n/i18n-context';
import { CredentialList } from '../manage/credential-list';
import { useThemeAttributes } from '../theme/color-mode';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { ConnectControls } from '../connect/connect-controls';
import { CredentialSelect } from './credential-select';
import { useSelectedDataSource } from './use-selected-data-source';

/** Props of {@link DataSourcePanel}. */
export interface DataSourcePanelProps {
  className?: string;
  /** Shows an "Open in Settings" link that calls this with the provider's id. */
  onOpenSettings?: (providerId: string) => void;
}

/**
 * The side panel of the selected data-source node: **Connect** when it is not authorized, the
 * credential it uses and the provider's credentials when it is. Place it anywhere inside React
 * Flow's provider; it renders nothing while no single data-source node is selected. Escape or
 * the close button deselects the node, which closes the panel.
 */
export function DataSourcePanel({ className, onOpenSettings }: DataSourcePanelProps) {
  const node = useSelectedDataSource();
  if (!node) return null;
  // Keyed by node so switching nodes starts from a clean panel (no dialog left open).
  return (
    <PanelForNode key={node.id} node={node} className={className} onOpenSettings={onOpenSettings} />
  );
}

function PanelForNode({
  node,
  className,
  onOpenSettings,
}: {
  node: DataSourceNode;
  className?: string;
  onOpenSettings?: (providerId: string) => void;
}) {
  const messages = useMessages();
  const m = messages.panel;
  const theme = useThemeAttributes();
  const flow = useReactFlow<PipelineNode>();
  const store = useStoreApi<PipelineNode>();
  const { providerId, credentialId } = node.data;
  const { state, provider, providerPending, credentials, refetch } = useConnectionState(
    providerId,
    credentialId,
  );

  const pointNodeAt = (credential: Credential) => {
    flow.updateNodeData(node.id, { credentialId: credential.id });
  };
  const oauth = useAddOAuth({ providerId, onConnected: pointNodeAt });

  const close = () => store.getState().unselectNodesAndEdges();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape inside a dialog or menu closes that, not the panel; in a field (the host's own
      // included) it belongs to the field.
      const target = event.target as Element | null;
      if (target?.closest?.('[role="dialog"], [role="menu"], [role="alertdialog"]')) return;
      if (target?.closest?.('input, select, textarea, [contenteditable="true"]')) return;
      store.getState().unselectNodesAndEdges();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const name = providerDisplayName(provider, providerPending, providerId, messages);
  const connect = provider ? (
    <ConnectControls
      provider={provider}
      primary={state.status === 'not-connected'}
      onAddOAuth={() => oauth.start()}
      onOpenClientSettings={oauth.openClientSettings}
      onCreated={pointNodeAt}
    />
  ) : null;

  return (
    <aside
      className={cn('pc-panel', className)}
      aria-label={m.label({ name })}
      data-status={state.status}
      {...theme}
    >
      <header className="pc-panel-header">
        <ProviderIcon src={provider?.icon} size={24} />
        <h2 className="pc-panel-title">{name}</h2>
        <Button size="icon" aria-label={m.close} onClick={close}>
          <X aria-hidden size={16} />
        </Button>
      </header>
      <p className="pc-panel-status" data-status={state.status} role="status">
        <span className="pc-status-dot" aria-hidden />
        {connectionLabel(state, messages)}
      </p>

      {state.status === 'loading' ? (
        <p className="pc-panel-hint">{messages.common.loading}</p>
      ) : null}
      {state.status === 'error' ? (
        <Alert
          action={
            <Button size="sm" onClick={refetch}>
              {messages.common.retry}
            </Button>
          }
        >
          {m.loadError}
        </Alert>
      ) : null}
      {state.status === 'unknown-provider' ? (
        <>
          <Alert tone="warning">{m.unknownProvider({ id: providerId })}</Alert>
          <Button
            variant="danger"
            onClick={() => void flow.deleteElements({ nodes: [{ id: node.id }] })}
          >
            {m.deleteNode}
          </Button>
        </>
      ) : null}
      {state.status === 'not-connected' ? (
        <>
          <p className="pc-panel-hint">{m.notConnected}</p>
          {connect}
        </>
      ) : null}
      {state.status === 'missing' ? <Alert tone="warning">{m.missing}</Alert> : null}
      {state.status === 'expired' ? (
        <Alert
          tone="warning"
          action={
            state.credential.method === 'oauth2' ? (
              <Button size="sm" onClick={() => oauth.start({ credentialId: state.credential.id })}>
                {m.reauthorize}
              </Button>
            ) : undefined
          }
        >
          {m.expired}
        </Alert>
      ) : null}
      {state.status === 'invalid' ? <Alert tone="warning">{m.invalid}</Alert> : null}

      {['connected', 'expired', 'invalid', 'missing'].includes(state.status) && credentials ? (
        <>
          <CredentialSelect
            credentials={credentials}
            value={credentialId}
            onChange={(next) => flow.updateNodeData(node.id, { credentialId: next })}
          />
          {connect}
          <section className="pc-panel-section" aria-labelledby={`pc-panel-manage-${node.id}`}>
            <h3 id={`pc-panel-manage-${node.id}`} className="pc-panel-subtitle">
              {m.manage}
            </h3>
            <CredentialList
              providerId={providerId}
              onReauthorize={(credential) => oauth.start({ credentialId: credential.id })}
            />
          </section>
        </>
      ) : null}
      {onOpenSettings && provider ? (
        <Button variant="ghost" size="sm" onClick={() => onOpenSettings(providerId)}>
          {m.openSettings}
        </Button>
      ) : null}

      <AddOAuthDialogs oauth={oauth} />
    </aside>
  );
}
